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
        Long lastLoginAt,
        boolean mustChangePassword,
        boolean emailConfirmed) {

    public static final String KIND_LOCAL = "local";
    public static final String KIND_ADMIN = "admin";
    public static final String KIND_BUILTIN = "builtin";
    /** The name of the demonstration account, which signs in normally but cannot change its own password or e-mail. */
    public static final String DEMO_NAME = "demo";

    public boolean isLocal() {
        return KIND_LOCAL.equals(kind);
    }

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

    public boolean isDemo() {
        return isLocal() && DEMO_NAME.equalsIgnoreCase(name);
    }
}
