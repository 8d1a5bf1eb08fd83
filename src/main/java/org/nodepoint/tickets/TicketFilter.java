package org.nodepoint.tickets;

import java.util.Arrays;
import java.util.Optional;

/** Filters and sort order of the ticket list; null filters match everything. */
public record TicketFilter(Long productId, TicketStatus status, Priority priority, Sort sort) {
    public enum Sort {
        NEWEST("newest", "t.id DESC"),
        OLDEST("oldest", "t.id ASC"),
        UPDATED("updated", "t.updated_at DESC, t.id DESC"),
        PRIORITY("priority", "t.priority DESC, t.id DESC");

        private final String key;
        /** ORDER BY clause; each ends with the id so that pages never repeat or skip a row. */
        private final String orderBy;

        Sort(String key, String orderBy) {
            this.key = key;
            this.orderBy = orderBy;
        }

        public String key() {
            return key;
        }

        String orderBy() {
            return orderBy;
        }

        public static Optional<Sort> parse(String text) {
            return Arrays.stream(values()).filter(sort -> sort.key.equals(text)).findFirst();
        }
    }

    public static TicketFilter all() {
        return new TicketFilter(null, null, null, Sort.NEWEST);
    }
}
