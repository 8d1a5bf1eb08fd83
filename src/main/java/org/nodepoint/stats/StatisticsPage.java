package org.nodepoint.stats;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

/**
 * The statistics page. {@code errors} names the invalid query parameters, and is null when there
 * are none. With errors, the page shows the current month for everyone.
 */
public record StatisticsPage(Chrome chrome, StatisticsReport report, StatisticsFilter filter, List<UserOption> users,
        FieldErrors errors) {
    /** The Chart.js script of its WebJar. The version in the path must match the one in pom.xml. */
    public static final String CHART_JS = "/webjars/chart.js/4.5.1/dist/chart.umd.min.js";
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    public static String dayLabel(LocalDate day) {
        return DAY_LABEL.format(day);
    }

    public String monthLabel() {
        return MONTH_LABEL.format(report.calendar().month());
    }

    /** Returns the JSON of the tickets created per day, labelled with the chosen user's name when there is one. */
    public String createdChartJson() {
        String label = filter.user() == null ? chrome.text().plain("stats.created.dataset")
                : chrome.text().plain("stats.created.datasetOf", filter.user().name());
        return new ChartData(label, report.createdPerDay().stream().map(day -> dayLabel(day.day())).toList(),
                report.createdPerDay().stream().map(DayCount::tickets).toList()).toJson();
    }

    public String statusChartJson() {
        return new ChartData(chrome.text().plain("stats.status.dataset"), report.byStatus().stream().map(StatusCount::status).toList(),
                report.byStatus().stream().map(StatusCount::tickets).toList()).toJson();
    }

    public boolean isChosen(UserOption option) {
        return filter.user() != null && filter.user().id() == option.id();
    }
}
