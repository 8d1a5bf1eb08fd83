package org.nodepoint.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.nodepoint.tickets.Hours;

/**
 * Exact amounts of money in cents (hundredths of the currency unit), with the parsing of rates
 * and the two ways amounts are printed. No value passes through binary floating point.
 */
public final class Money {
    /** The highest rate, in whole currency units. */
    public static final long MAX_RATE_UNITS = 1_000_000;
    public static final long MAX_RATE_CENTS = MAX_RATE_UNITS * 100;

    /** Whole units with up to two decimals after a dot or a comma: 12, 12.5, 12,50. No sign, no exponent. */
    private static final Pattern RATE = Pattern.compile("[0-9]{1,7}([.,][0-9]{1,2})?");
    /** Three letters, as ISO 4217 codes are written: USD, EUR, JPY. */
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Money() {
    }

    /** Parses a rate such as "12.50" or "12,50" into cents; empty for anything else or above {@link #MAX_RATE_UNITS}. */
    public static Optional<Long> parseRate(String text) {
        String clean = text == null ? "" : text.strip();
        if (!RATE.matcher(clean).matches()) {
            return Optional.empty();
        }
        long cents = new BigDecimal(clean.replace(',', '.')).movePointRight(2).longValueExact();
        return cents > MAX_RATE_CENTS ? Optional.empty() : Optional.of(cents);
    }

    /** Returns the currency code in upper case, or empty when it is not three ASCII letters. */
    public static Optional<String> parseCurrency(String text) {
        String clean = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return CURRENCY.matcher(clean).matches() ? Optional.of(clean) : Optional.empty();
    }

    /**
     * Returns the cost of hours at an hourly rate: hundredths of an hour times cents per hour,
     * divided by 100 and rounded half up (away from zero) to a whole cent.
     */
    public static long costOfHours(Hours hours, long rateCents) {
        BigDecimal cents = BigDecimal.valueOf(Math.multiplyExact(hours.hundredths(), rateCents)).movePointLeft(2);
        return cents.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Returns an amount with two decimals, such as "12.50" or "-6.25". */
    public static String decimal(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** Returns an amount with two decimals and the currency code, such as "12.50 USD". */
    public static String format(long cents, String currency) {
        return decimal(cents) + " " + currency;
    }

    /** Returns an amount without trailing zeros, such as "25", "2.5" or "15.63", as NodePoint 1.x printed numbers. */
    public static String plain(long cents) {
        return BigDecimal.valueOf(cents, 2).stripTrailingZeros().toPlainString();
    }
}
