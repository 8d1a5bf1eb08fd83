package org.nodepoint.billing;

import java.util.List;
import org.nodepoint.web.Paging;

/**
 * A client's bill: each billable ticket with its cost, and the total, all in cents of the terms'
 * currency. {@code billsHours} is true when lines cost hours times the rate, which needs
 * hourly terms and the time tracking component; otherwise each ticket costs the rate once.
 */
public record BillingStatement(BillingTerms terms, boolean billsHours, List<BillingLine> lines, long totalCents) {
    public String format(long cents) {
        return Money.format(cents, terms.currency());
    }

    /** Returns the lines of one page of the statement; the total still covers every line. */
    public List<BillingLine> linesOf(Paging paging) {
        int from = (int) Math.min(lines.size(), paging.offset());
        return lines.subList(from, (int) Math.min(lines.size(), (long) from + paging.pageSize()));
    }

    public String total() {
        return format(totalCents);
    }
}
