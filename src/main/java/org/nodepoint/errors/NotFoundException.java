package org.nodepoint.errors;

/** The requested object does not exist, or the viewer may not know that it exists. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
