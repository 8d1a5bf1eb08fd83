package org.nodepoint.syslog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kind of a system log entry, stored in lower case and offered as a filter on the log page. */
public enum LogCategory {
    SIGN_IN,
    SETTINGS,
    USERS,
    API,
    PLUGIN,
    MAIL,
    IMPORT,
    SYSTEM,
    /** Deleted clients and changed billing terms. */
    CLIENTS,
    /** Deleted inventory items. */
    INVENTORY,
    /** Deleted shoutbox messages. */
    SHOUTBOX,
    /** Uploaded, deleted and relinked shared files, and the cleared download log. */
    FILES,
    /** Cleared task completion logs. */
    TASKS;

    public String storedValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LogCategory> parse(String text) {
        return Arrays.stream(values()).filter(category -> category.storedValue().equals(text)).findFirst();
    }
}
