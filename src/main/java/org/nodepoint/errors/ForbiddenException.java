package org.nodepoint.errors;

/** The viewer is known but lacks the level or rights for this action. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
