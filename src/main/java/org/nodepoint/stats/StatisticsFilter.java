package org.nodepoint.stats;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nodepoint.calendar.CalendarDates;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.users.User;

/**
 * The query parameters of the statistics page: the month of the calendar and an optional user.
 * With a user, the charts count only the tickets that the user created, and the calendar shows
 * only the user's time entries and the tasks assigned to the user. Item expirations are never
 * filtered by user.
 *
 * @param user the chosen user, or null for everyone
 */
public record StatisticsFilter(YearMonth month, User user) {
    public static final String MONTH_FIELD = "month";
    public static final String USER_FIELD = "user";
    private static final Pattern MONTH = Pattern.compile("([0-9]{4})-([0-9]{2})");
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
    private static final int MAX_YEAR = 9999;

    /**
     * Reads the query parameters. A blank month is {@code currentMonth}, and a blank user means
     * everyone. The user is an account id or name, as {@code findById} and {@code findByName}
     * return it. Throws ValidationException naming each invalid field: a month that is not yyyy-mm
     * from 1900-01 to 9999-12, or a user that no account has.
     */
    static StatisticsFilter parse(String month, String user, YearMonth currentMonth,
            Function<Long, Optional<User>> findById, Function<String, Optional<User>> findByName) {
        FieldErrors errors = new FieldErrors();
        YearMonth chosenMonth = currentMonth;
        if (month != null && !month.isBlank()) {
            chosenMonth = parseMonth(month.strip()).orElse(null);
            if (chosenMonth == null) {
                errors.add(MONTH_FIELD, "stats.month.invalid", CalendarDates.MIN_YEAR);
            }
        }
        User chosenUser = null;
        if (user != null && !user.isBlank()) {
            String clean = user.strip();
            Optional<User> found = ID.matcher(clean).matches() ? findById.apply(Long.parseLong(clean)) : findByName.apply(clean);
            chosenUser = found.orElse(null);
            if (chosenUser == null) {
                errors.add(USER_FIELD, "stats.user.invalid");
            }
        }
        errors.throwIfAny();
        return new StatisticsFilter(chosenMonth, chosenUser);
    }

    private static Optional<YearMonth> parseMonth(String text) {
        Matcher matcher = MONTH.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(matcher.group(1));
        if (year < CalendarDates.MIN_YEAR || year > MAX_YEAR) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.of(year, Integer.parseInt(matcher.group(2))));
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
    }

    public Long userId() {
        return user == null ? null : user.id();
    }

    /** Returns the query string of this filter for another month, such as {@code month=2026-12&user=7}. */
    public String queryFor(YearMonth otherMonth) {
        String query = MONTH_FIELD + "=" + otherMonth;
        return user == null ? query : query + "&" + USER_FIELD + "=" + user.id();
    }
}
