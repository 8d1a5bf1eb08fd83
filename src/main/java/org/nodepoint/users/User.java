package org.nodepoint.users;

/** An account: a local user, the administrator, or a built-in actor such as {@code api}. */
public record User(
        long id,
        String name,
        String passwordHash,
        String email,
        int level,
        String kind,
        boolean disabled,
        long createdAt,
        Long lastLoginAt) {

    public static final String KIND_LOCAL = "local";
    public static final String KIND_ADMIN = "admin";
    public static final String KIND_BUILTIN = "builtin";

    public boolean isBuiltin() {
        return KIND_BUILTIN.equals(kind);
    }

    public boolean isAdmin() {
        return KIND_ADMIN.equals(kind);
    }

    /** True when this account may act: not disabled and not a built-in actor. */
    public boolean canSignIn() {
        return !disabled && !isBuiltin();
    }
}
