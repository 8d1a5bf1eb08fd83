package org.nodepoint.users;

/**
 * A stored single-use account code: its owner, what it is for, the address it confirms ('' for a
 * password reset), and its times in epoch milliseconds. The code itself is never stored.
 */
record AccountToken(long id, long userId, String purpose, String email, long createdAt, long expiresAt, Long usedAt,
        Long revokedAt) {
    static final String CONFIRM_EMAIL = "confirm_email";
    static final String RESET_PASSWORD = "reset_password";
}
