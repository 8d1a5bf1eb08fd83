package org.nodepoint.clients;

/** A client event as typed into the add or edit form, before it is checked. */
public record EventForm(String type, String summary, String notes) {
    public static EventForm blank() {
        return new EventForm(EventType.PHONE.key(), "", "");
    }

    public static EventForm of(ClientEvent event) {
        return new EventForm(event.type(), event.summary(), event.notes());
    }
}
