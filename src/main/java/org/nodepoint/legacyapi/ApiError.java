package org.nodepoint.legacyapi;

/** An API failure with NodePoint 1.x's message text and status code, sent as HTTP 200 like every response. */
final class ApiError extends RuntimeException {
    private final String status;

    ApiError(String status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    String status() {
        return status;
    }

    static ApiError missing(String parameter) {
        return new ApiError("ERR_MISSING_ARGUMENT", "Missing '" + parameter + "' argument.");
    }

    static ApiError invalid(String parameter) {
        return new ApiError("ERR_INVALID_ARGUMENT", "Invalid '" + parameter + "' value.");
    }

    static ApiError invalidKey() {
        return new ApiError("ERR_INVALID_KEY", "Invalid 'key' value.");
    }

    static ApiError badLength(String parameter, String rule) {
        return new ApiError("ERR_ARGUMENT_LENGTH", "Bad length for '" + parameter + "' argument (" + rule + ").");
    }

    static ApiError invalidProduct() {
        return new ApiError("ERR_INVALID_PRODUCT_ID", "Invalid 'product_id' value.");
    }

    static ApiError ticketNotFound() {
        return new ApiError("ERR_INVALID_ID", "Ticket not found.");
    }
}
