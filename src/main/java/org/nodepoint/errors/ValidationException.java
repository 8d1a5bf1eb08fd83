package org.nodepoint.errors;

import java.util.Map;

/**
 * Invalid input. Each entry maps a form field to a message key of the UI bundle that states what is
 * allowed. Nothing was stored.
 */
public class ValidationException extends RuntimeException {
    private final FieldErrors errors;

    public ValidationException(FieldErrors errors) {
        super("Invalid fields: " + errors.asMap().keySet());
        this.errors = errors;
    }

    public static ValidationException of(String field, String messageKey, Object... args) {
        return new ValidationException(new FieldErrors().add(field, messageKey, args));
    }

    public FieldErrors errors() {
        return errors;
    }

    public Map<String, FieldErrors.Message> asMap() {
        return errors.asMap();
    }
}
