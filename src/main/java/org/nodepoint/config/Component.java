package org.nodepoint.config;

/**
 * A part of NodePoint that the administrator can switch off. As in NodePoint 1.x, switching one
 * off hides its menu entries and pages, while the JSON API keeps serving it.
 */
public enum Component {
    TICKETS("comp_tickets"),
    ARTICLES("comp_articles"),
    ITEMS("comp_items"),
    CLIENTS("comp_clients"),
    TIME_TRACKING("comp_time"),
    SHOUTBOX("comp_shoutbox"),
    TASKS("comp_steps"),
    SECRETS("comp_secrets"),
    FILES("comp_files"),
    BILLING("comp_billing");

    private final String key;

    Component(String key) {
        this.key = key;
    }

    /** Returns the nodepoint.cfg key of the switch. */
    public String key() {
        return key;
    }
}
