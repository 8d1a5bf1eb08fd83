package org.nodepoint.clients;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

/** One client event with its edit form and the delete button. */
public record EventPage(Chrome chrome, Client client, ClientEvent event, EventForm form, FieldErrors errors) {
    public List<EventType> types() {
        return EventType.all();
    }

    /** True when the event's type is a text that the legacy API stored, which the select offers as an extra option. */
    public boolean hasTextType() {
        return event.kind().isEmpty();
    }
}
