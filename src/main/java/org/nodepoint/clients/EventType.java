package org.nodepoint.clients;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of contact that the web form offers for a client event. Events added through the
 * legacy API may have any other type text, which is kept as typed.
 */
public enum EventType {
    EMAIL("email", "E-mail"),
    PHONE("phone", "Phone call"),
    ONLINE_MEETING("online_meeting", "Online meeting"),
    IN_PERSON("in_person", "In-person meeting"),
    OTHER("other", "Other");

    private final String key;
    /** The English name that the legacy API sends; the web pages take theirs from the message bundle. */
    private final String apiName;

    EventType(String key, String apiName) {
        this.key = key;
        this.apiName = apiName;
    }

    /** Returns the value stored in client_events.type. */
    public String key() {
        return key;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<EventType> parse(String key) {
        return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
    }

    public static List<EventType> all() {
        return List.of(values());
    }
}
