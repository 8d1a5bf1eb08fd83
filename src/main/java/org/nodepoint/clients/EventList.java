package org.nodepoint.clients;

import java.util.List;

/** One page of a client's events, newest first, and the number of events the client has. */
public record EventList(List<ClientEvent> rows, long total) {
}
