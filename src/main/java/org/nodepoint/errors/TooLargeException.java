package org.nodepoint.errors;

import java.util.List;

/** The request body is larger than the route accepts. The message key and its values name the limit. Nothing was read or stored. */
public class TooLargeException extends RuntimeException {
    private final List<Object> args;

    public TooLargeException(String messageKey, Object... args) {
        super(messageKey);
        this.args = List.of(args);
    }

    public List<Object> args() {
        return args;
    }
}
