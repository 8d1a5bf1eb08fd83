package org.nodepoint.users;

/**
 * The sender of the current request: a signed-in account or a guest. Every access rule reads
 * this, whether the request came from a page, a search or an export.
 */
public record Viewer(Long userId, String name, int level) {
    private static final Viewer GUEST = new Viewer(null, "guest", Level.GUEST);

    public static Viewer guest() {
        return GUEST;
    }

    public static Viewer of(User user) {
        return new Viewer(user.id(), user.name(), user.level());
    }

    public boolean isGuest() {
        return userId == null;
    }

    public boolean isSignedIn() {
        return userId != null;
    }

    public boolean hasLevel(int required) {
        return level >= required;
    }
}
