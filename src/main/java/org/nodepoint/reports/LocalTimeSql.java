package org.nodepoint.reports;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves epoch-millisecond times into a time zone inside SQL, so that SQLite's date functions,
 * which work in UTC only, group them by local day or month. SQLite's 'localtime' modifier would use
 * the server's zone instead of the site's.
 */
final class LocalTimeSql {
    private LocalTimeSql() {
    }

    /**
     * Returns an SQL expression for {@code column} plus the zone's UTC offset at that time. A zone
     * with daylight saving time gets one CASE branch per offset change from 1970 up to {@code until},
     * newest first, because most rows are recent and stop at the first branches. The numbers come
     * from the zone rules, never from a request, so they are written into the SQL.
     */
    static String shifted(ZoneId zone, String column, Instant until) {
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            return "(" + column + " + " + offsetMillis(rules.getOffset(until).getTotalSeconds()) + ")";
        }
        List<ZoneOffsetTransition> transitions = transitionsUntil(rules, until);
        if (transitions.isEmpty()) {
            return "(" + column + " + " + offsetMillis(rules.getOffset(until).getTotalSeconds()) + ")";
        }
        StringBuilder sql = new StringBuilder("(").append(column).append(" + CASE");
        for (int i = transitions.size() - 1; i >= 0; i--) {
            ZoneOffsetTransition transition = transitions.get(i);
            sql.append(" WHEN ").append(column).append(" >= ").append(transition.toEpochSecond() * 1000)
                    .append(" THEN ").append(offsetMillis(transition.getOffsetAfter().getTotalSeconds()));
        }
        int before = transitions.get(0).getOffsetBefore().getTotalSeconds();
        return sql.append(" ELSE ").append(offsetMillis(before)).append(" END)").toString();
    }

    private static List<ZoneOffsetTransition> transitionsUntil(ZoneRules rules, Instant until) {
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffsetTransition next = rules.nextTransition(Instant.EPOCH);
        while (next != null && !next.getInstant().isAfter(until)) {
            transitions.add(next);
            next = rules.nextTransition(next.getInstant());
        }
        return transitions;
    }

    private static long offsetMillis(int seconds) {
        return seconds * 1000L;
    }
}
