package org.nodepoint.errors;

/** The change clashes with stored data, such as a name that is already taken. */
public class ConflictException extends RuntimeException {
    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
