package org.nodepoint.clients;

import java.util.Optional;

/**
 * One contact with a client in the CRM log. {@code type} is an {@link EventType} key for events
 * added on the web, or the text that a legacy API client sent. The editor and the time of the
 * last edit are null until the event is edited.
 */
public record ClientEvent(long id, long clientId, String type, String summary, String notes, long createdBy, String createdByName,
        long createdAt, Long updatedBy, String updatedByName, Long updatedAt, long version) {

    /** Returns the web form's kind, or empty for a type that the legacy API stored as text. */
    public Optional<EventType> kind() {
        return EventType.parse(type);
    }

    public boolean isEdited() {
        return updatedAt != null;
    }

    /** Returns the type as the legacy API sends it: the kind's English name, or the stored text. */
    public String apiType() {
        return kind().map(EventType::apiName).orElse(type);
    }
}
