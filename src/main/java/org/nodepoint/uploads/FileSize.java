package org.nodepoint.uploads;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Formats file sizes for people in decimal units (1 KB = 1,000 bytes), the units in which
 * max_size is usually chosen: its default of 999,000 bytes shows as 999 KB.
 */
public final class FileSize {
    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private FileSize() {
    }

    /** Returns the size in bytes with thousands separators, such as "999,000". */
    public static String exact(long bytes) {
        return String.format(Locale.ROOT, "%,d", bytes);
    }

    /** Returns the size such as "512 bytes", "1.5 KB" or "999 KB", with one decimal below 10 units. */
    public static String format(long bytes) {
        if (bytes < 1000) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        BigDecimal value = BigDecimal.valueOf(bytes);
        int unit = -1;
        while (value.compareTo(BigDecimal.valueOf(1000)) >= 0 && unit < UNITS.length - 1) {
            value = value.divide(BigDecimal.valueOf(1000));
            unit++;
        }
        int decimals = value.compareTo(BigDecimal.TEN) < 0 ? 1 : 0;
        BigDecimal rounded = value.setScale(decimals, RoundingMode.DOWN).stripTrailingZeros();
        return rounded.toPlainString() + " " + UNITS[unit];
    }
}
