package org.nodepoint.clients;

import java.util.List;

/** One page of the directory and the number of clients that match its filter. */
public record ClientList(List<Client> rows, long total) {
}
