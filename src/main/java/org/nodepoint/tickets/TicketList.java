package org.nodepoint.tickets;

import java.util.List;

/** One page of tickets and the number of tickets that match the filters in all. */
public record TicketList(List<TicketSummary> rows, long total) {
}
