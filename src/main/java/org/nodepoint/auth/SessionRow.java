package org.nodepoint.auth;

/** A stored session; the token itself is never stored, only its SHA-256 hash. */
public record SessionRow(long id, long userId, String csrfToken, long createdAt, long lastSeenAt, long expiresAt) {
}
