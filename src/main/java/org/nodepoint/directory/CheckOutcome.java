package org.nodepoint.directory;

/**
 * The result of an external password check. {@code detail} explains a failure for the system log
 * and never contains the password. {@code email} is the directory's mail attribute on acceptance,
 * or "".
 */
record CheckOutcome(Kind kind, String email, String detail) {
    enum Kind {
        /** The password is right. */
        ACCEPTED,
        /** Wrong password or unknown name: an ordinary failed sign-in. */
        REJECTED,
        /** The check refused the sign-in for a reason an administrator must look at; the system log records it. */
        FAILED,
        /** The directory or the plugin could not be reached or timed out, and the system log records it. */
        UNAVAILABLE
    }

    static CheckOutcome accepted(String email) {
        return new CheckOutcome(Kind.ACCEPTED, email, "");
    }

    static CheckOutcome rejected(String detail) {
        return new CheckOutcome(Kind.REJECTED, "", detail);
    }

    static CheckOutcome failed(String detail) {
        return new CheckOutcome(Kind.FAILED, "", detail);
    }

    static CheckOutcome unavailable(String detail) {
        return new CheckOutcome(Kind.UNAVAILABLE, "", detail);
    }
}
