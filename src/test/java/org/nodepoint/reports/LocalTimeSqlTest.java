package org.nodepoint.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The zone shift in SQL matches java.time for times on both sides of daylight saving changes. */
class LocalTimeSqlTest {
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static String shiftedInSql(ZoneId zone, Instant time) throws SQLException {
        String expression = LocalTimeSql.shifted(zone, "t", UNTIL);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT datetime(" + expression + " / 1000, 'unixepoch') FROM (SELECT "
                        + time.toEpochMilli() + " AS t)")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String shiftedInJava(ZoneId zone, Instant time) {
        return LocalDateTime.ofInstant(time, zone).format(SQLITE_TIME);
    }

    @Test
    void daylight_saving_zones_match_java_time() throws SQLException {
        List<Instant> times = List.of(
                Instant.parse("2026-03-02T23:30:00Z"),
                Instant.parse("2026-03-29T00:59:59Z"),
                Instant.parse("2026-03-29T01:00:00Z"),
                Instant.parse("2026-04-05T22:30:00Z"),
                Instant.parse("2026-10-25T00:59:59Z"),
                Instant.parse("2026-10-25T01:00:00Z"),
                Instant.parse("1999-07-01T22:15:00Z"),
                Instant.parse("1970-01-01T00:00:00Z"));
        for (String zoneName : List.of("Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC")) {
            ZoneId zone = ZoneId.of(zoneName);
            for (Instant time : times) {
                assertThat(shiftedInSql(zone, time)).as("%s in %s", time, zoneName).isEqualTo(shiftedInJava(zone, time));
            }
        }
    }

    @Test
    void fixed_offset_zone_adds_offset() throws SQLException {
        ZoneId zone = ZoneId.of("+05:45");
        Instant time = Instant.parse("2026-06-30T20:00:00Z");

        assertThat(shiftedInSql(zone, time)).isEqualTo("2026-07-01 01:45:00");
    }
}
