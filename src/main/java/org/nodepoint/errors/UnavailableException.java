package org.nodepoint.errors;

/**
 * The server cannot take the request now, for example because too many writes are waiting to be
 * committed. Nothing was stored, and the client may retry after {@link #retryAfterSeconds()}.
 */
public class UnavailableException extends RuntimeException {
    private final int retryAfterSeconds;

    public UnavailableException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
