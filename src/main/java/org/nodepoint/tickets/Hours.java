package org.nodepoint.tickets;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number of hours, kept exactly as a whole number of hundredths of an hour. Sums never pass
 * through binary floating point, so 0.1 + 0.2 is 0.3.
 */
public record Hours(long hundredths) {
    public static final Hours ZERO = new Hours(0);
    /** The largest time entry either way, in hours. NodePoint 1.x clamped entries to 99.99. */
    public static final int MAX_ENTRY_HOURS = 99;

    /**
     * An optional sign, then whole hours with up to two decimals after a dot or a comma, or only
     * the decimals (".5"). No exponents, no hexadecimal, no digits other than ASCII 0-9.
     */
    private static final Pattern ENTRY = Pattern.compile("[+-]?(\\d+([.,]\\d{1,2})?|[.,]\\d{1,2})");
    /** Longer input cannot be an entry ("-099.00" has 7 characters), so it is rejected before parsing. */
    private static final int MAX_ENTRY_CHARACTERS = 12;
    private static final BigDecimal MAX_ENTRY = BigDecimal.valueOf(MAX_ENTRY_HOURS);

    /**
     * Parses a time entry as typed: {@code 1.5} and {@code 1,5} are one and a half hours, and a
     * negative value corrects an earlier entry. Blank input is zero hours. Returns empty for
     * anything else, such as {@code abc}, {@code 1e3}, {@code 1.234} or a value beyond
     * {@value #MAX_ENTRY_HOURS} hours either way.
     */
    public static Optional<Hours> parseEntry(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(ZERO);
        }
        String entry = text.strip();
        if (entry.length() > MAX_ENTRY_CHARACTERS || !ENTRY.matcher(entry).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(entry.replace(',', '.'));
        if (value.abs().compareTo(MAX_ENTRY) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Hours(value.movePointRight(2).longValueExact()));
    }

    /** Returns the hours as an exact decimal with two decimal places, such as 2.50. */
    public BigDecimal value() {
        return BigDecimal.valueOf(hundredths, 2);
    }

    /** Returns the hours without trailing zeros, such as "2", "2.5" or "-0.25", as NodePoint 1.x printed them. */
    public String plain() {
        return value().stripTrailingZeros().toPlainString();
    }

    public Hours plus(Hours other) {
        return new Hours(Math.addExact(hundredths, other.hundredths));
    }

    public boolean isZero() {
        return hundredths == 0;
    }

    @Override
    public String toString() {
        return plain();
    }
}
