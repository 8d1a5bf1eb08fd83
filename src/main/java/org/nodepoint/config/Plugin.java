package org.nodepoint.config;

/** An external command that NodePoint runs at an event, configured as a command template. */
public enum Plugin {
    /** Checks a user name and password. Exit code 0 accepts the sign-in. */
    AUTHENTICATION("auth_plugin"),
    /** Runs for every notification. */
    NOTIFICATION("ext_plugin"),
    /** Runs when an inventory item is checked out or a checkout is approved. */
    CHECKOUT("checkout_plugin"),
    /** Runs when a task reaches 100 %. */
    TASK_COMPLETION("task_plugin"),
    /** Runs when a ticket is filed. */
    NEW_TICKET("newticket_plugin"),
    /** Runs when a ticket is updated in the web UI. */
    TICKET_RESOLUTION("ticket_plugin");

    private final String key;

    Plugin(String key) {
        this.key = key;
    }

    /** Returns the nodepoint.cfg key of the command template. */
    public String key() {
        return key;
    }
}
