package org.nodepoint.stats;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.Component;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.projects.ProductVisibility;
import org.nodepoint.tickets.Hours;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.tickets.TicketStatus;
import org.nodepoint.users.Level;
import org.nodepoint.users.UserService;
import org.nodepoint.users.Viewer;

/**
 * Computes the statistics page: tickets created on each of the last {@value #DAYS} days, tickets
 * by status, and a month calendar of hours, due tasks and item expirations. Days are those of the
 * time zone of the settings. Every number counts only what the viewer may read: tickets and their
 * time through the ticket visibility rule, tasks of the projects that the viewer may see, and
 * items, which every signed-in user may see. Hours need level 2, as the time breakdown of a ticket does.
 */
public final class Statistics {
    public static final int DAYS = 7;
    /** The maximum number of accounts in the user filter. Other accounts can still be chosen in the query, as ?user=name. */
    static final int MAX_USER_OPTIONS = 1000;

    private final Jdbi read;
    private final SettingsStore settings;
    private final TicketService tickets;
    private final UserService users;
    private final Clock clock;

    public Statistics(Database database, SettingsStore settings, TicketService tickets, UserService users, Clock clock) {
        this.read = database.read();
        this.settings = settings;
        this.tickets = tickets;
        this.users = users;
        this.clock = clock;
    }

    /** Reads the page's query parameters as {@link StatisticsFilter#parse} does. The default month is the current one. */
    public StatisticsFilter filter(String month, String user) {
        YearMonth currentMonth = YearMonth.from(today(settings.current().zone()));
        return StatisticsFilter.parse(month, user, currentMonth, users::findById, users::findByName);
    }

    /** Returns the numbers of the page for this viewer and filter, read in one transaction. */
    public StatisticsReport report(Viewer viewer, StatisticsFilter filter) {
        Settings current = settings.current();
        ZoneId zone = current.zone();
        LocalDate today = today(zone);
        Map<String, Object> binds = new HashMap<>();
        String access = tickets.accessCondition(viewer, binds);
        StatisticsQueries.TicketReach reach = new StatisticsQueries.TicketReach(tickets.seesOnlyOwnTickets(viewer), tickets.seesEveryTicket(viewer));
        boolean showsTickets = current.isEnabled(Component.TICKETS);
        return read.inTransaction(handle -> {
            StatisticsQueries queries = new StatisticsQueries(handle, access, binds, reach);
            List<DayCount> perDay = showsTickets ? createdPerDay(queries, today, zone, filter.userId()) : List.of();
            List<StatusCount> byStatus = showsTickets ? byStatus(queries, filter.userId()) : List.of();
            MonthCalendar calendar = new CalendarBuilder(queries, current, viewer, filter, zone, today).build();
            return new StatisticsReport(showsTickets, perDay, byStatus, calendar);
        });
    }

    /** Returns the accounts that the user filter lists, by name: the administrator and the local users, disabled ones included. */
    public List<UserOption> userOptions() {
        // TODO: offer a search field instead of a select once sites with more than MAX_USER_OPTIONS accounts need it.
        return read.withHandle(handle -> handle.createQuery(
                        "SELECT id, name FROM users WHERE kind IN ('local', 'admin') ORDER BY name LIMIT :limit")
                .bind("limit", MAX_USER_OPTIONS)
                .map((rs, ctx) -> new UserOption(rs.getLong("id"), rs.getString("name")))
                .list());
    }

    private LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private static List<DayCount> createdPerDay(StatisticsQueries queries, LocalDate today, ZoneId zone, Long userId) {
        LocalDate first = today.minusDays(DAYS - 1);
        long[] boundaries = new long[DAYS + 1];
        for (int i = 0; i <= DAYS; i++) {
            boundaries[i] = startOf(first.plusDays(i), zone);
        }
        long[] counts = queries.countCreatedBetween(boundaries, userId);
        List<DayCount> days = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            days.add(new DayCount(first.plusDays(i), counts[i]));
        }
        return days;
    }

    /** Returns every status in the order of {@link TicketStatus}, those without tickets with 0. */
    private static List<StatusCount> byStatus(StatisticsQueries queries, Long userId) {
        Map<String, Long> counts = queries.countByStatus(userId);
        List<StatusCount> statuses = new ArrayList<>();
        for (TicketStatus status : TicketStatus.values()) {
            statuses.add(new StatusCount(status.label(), counts.getOrDefault(status.label(), 0L)));
        }
        return statuses;
    }

    static long startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** Fills the weeks of one month with the entries that the viewer may see. */
    private static final class CalendarBuilder {
        private final StatisticsQueries queries;
        private final Viewer viewer;
        private final StatisticsFilter filter;
        private final ZoneId zone;
        private final LocalDate today;
        private final boolean showsHours;
        private final boolean showsTasks;
        private final boolean showsItems;

        CalendarBuilder(StatisticsQueries queries, Settings settings, Viewer viewer, StatisticsFilter filter, ZoneId zone, LocalDate today) {
            this.queries = queries;
            this.viewer = viewer;
            this.filter = filter;
            this.zone = zone;
            this.today = today;
            this.showsHours = settings.isEnabled(Component.TICKETS) && settings.isEnabled(Component.TIME_TRACKING)
                    && viewer.hasLevel(Level.RESTRICTED_VIEW);
            this.showsTasks = settings.isEnabled(Component.TASKS) && viewer.isSignedIn();
            this.showsItems = settings.isEnabled(Component.ITEMS) && viewer.isSignedIn();
        }

        MonthCalendar build() {
            YearMonth month = filter.month();
            LocalDate first = month.atDay(1);
            LocalDate last = month.atEndOfMonth();
            Map<LocalDate, Hours> hours = showsHours ? hoursPerDay(first, last) : Map.of();
            Map<LocalDate, List<String>> tasks = showsTasks
                    ? queries.listTasksDue(first, last, ProductVisibility.labelsVisibleTo(viewer), filter.userId()) : Map.of();
            Map<LocalDate, List<String>> items = showsItems ? queries.listItemsExpiring(first, last) : Map.of();
            List<List<CalendarDay>> weeks = new ArrayList<>();
            LocalDate day = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            while (!day.isAfter(last)) {
                List<CalendarDay> week = new ArrayList<>();
                for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
                    boolean inMonth = YearMonth.from(day).equals(month);
                    week.add(new CalendarDay(day, inMonth, day.equals(today), inMonth ? hours.getOrDefault(day, Hours.ZERO) : Hours.ZERO,
                            inMonth ? tasks.getOrDefault(day, List.of()) : List.of(), inMonth ? items.getOrDefault(day, List.of()) : List.of()));
                }
                weeks.add(week);
            }
            return new MonthCalendar(month, weeks, showsHours, showsTasks, showsItems);
        }

        /** Sums the time entries of each day of the month, by the day in the zone on which each was recorded. */
        private Map<LocalDate, Hours> hoursPerDay(LocalDate first, LocalDate last) {
            Map<LocalDate, Hours> hours = new LinkedHashMap<>();
            for (long[] entry : queries.listTimeEntries(startOf(first, zone), startOf(last.plusDays(1), zone), filter.userId())) {
                LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(entry[0]), zone);
                hours.merge(day, new Hours(entry[1]), Hours::plus);
            }
            return hours;
        }
    }
}
