package org.nodepoint.billing;

import java.util.List;

/**
 * A client's bill: each billable ticket with its cost, and the total, all in cents of the terms'
 * currency. {@code billsHours} is true when lines cost hours times the rate, which needs
 * hourly terms and the time tracking component; otherwise each ticket costs the rate once.
 */
public record BillingStatement(BillingTerms terms, boolean billsHours, List<BillingLine> lines, long totalCents) {
    public String format(long cents) {
        return Money.format(cents, terms.currency());
    }

    public String total() {
        return format(totalCents);
    }
}
