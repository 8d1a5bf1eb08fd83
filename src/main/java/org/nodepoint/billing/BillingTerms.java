package org.nodepoint.billing;

/**
 * A client's billing terms: the type, the rate in cents and the currency code. {@code isDefault}
 * is true for a client without stored terms, which is billed {@link #DEFAULT_RATE_CENTS} in
 * {@link #DEFAULT_CURRENCY}, per hour while time tracking is on and per ticket otherwise.
 */
public record BillingTerms(BillingType type, long rateCents, String currency, boolean isDefault) {
    public static final long DEFAULT_RATE_CENTS = 1_000;
    public static final String DEFAULT_CURRENCY = "USD";

    public static BillingTerms defaults(boolean timeTracking) {
        return new BillingTerms(timeTracking ? BillingType.HOURLY : BillingType.FIXED, DEFAULT_RATE_CENTS, DEFAULT_CURRENCY, true);
    }

    /** Returns the rate with two decimals, such as "12.50", as the terms form shows it. */
    public String rate() {
        return Money.decimal(rateCents);
    }

    /** Returns the rate with its currency, such as "12.50 USD". */
    public String formattedRate() {
        return Money.format(rateCents, currency);
    }

    /** Describes the terms for the system log, such as "12.50 USD per hour". */
    String describe() {
        return formattedRate() + (type == BillingType.HOURLY ? " per hour" : " per ticket") + (isDefault ? " (default)" : "");
    }
}
