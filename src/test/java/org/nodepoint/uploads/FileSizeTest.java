package org.nodepoint.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileSizeTest {
    @Test
    void format_uses_decimal_units() {
        Map<Long, String> cases = new LinkedHashMap<>();
        cases.put(0L, "0 bytes");
        cases.put(1L, "1 byte");
        cases.put(999L, "999 bytes");
        cases.put(1_000L, "1 KB");
        cases.put(1_500L, "1.5 KB");
        cases.put(1_999L, "1.9 KB");
        cases.put(999_000L, "999 KB");
        cases.put(999_999L, "999 KB");
        cases.put(1_000_000L, "1 MB");
        cases.put(1L << 30, "1 GB");
        cases.put(12_345_678_901_234L, "12 TB");

        cases.forEach((bytes, expected) -> assertThat(FileSize.format(bytes)).as("%d bytes", bytes).isEqualTo(expected));
    }

    @Test
    void exact_groups_thousands() {
        assertThat(FileSize.exact(999_000)).isEqualTo("999,000");
        assertThat(FileSize.exact(12)).isEqualTo("12");
    }
}
