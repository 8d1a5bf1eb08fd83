package org.nodepoint.users;

/** Access levels of NodePoint, from the guest (not signed in) up to the administrator. */
public final class Level {
    public static final int GUEST = -1;
    /** Signed in but not authorised: may read private tickets only. */
    public static final int UNAUTHORIZED = 0;
    /** May file tickets and comment. */
    public static final int AUTHORIZED = 1;
    /** May also read restricted tickets and projects, and statistics. */
    public static final int RESTRICTED_VIEW = 2;
    /** May also update tickets and add releases. */
    public static final int TICKETS_MANAGEMENT = 3;
    /** May also create and edit projects, and read every ticket. */
    public static final int PROJECTS_MANAGEMENT = 4;
    public static final int USERS_MANAGEMENT = 5;
    /** The administrator account named in nodepoint.cfg. */
    public static final int ADMIN = 6;

    private Level() {
    }

    public static boolean isValidUserLevel(int level) {
        return level >= UNAUTHORIZED && level <= USERS_MANAGEMENT;
    }
}
