package org.nodepoint.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The twenty reports, numbered 1 to 20 in the order of NodePoint 1.x, so that old report numbers still apply. */
final class ReportCatalogue {
    private final List<ReportDefinition> reports;

    ReportCatalogue() {
        List<ReportDefinition> all = new ArrayList<>(TicketReports.all());
        all.add(PeopleReports.usersPerLevel());
        all.addAll(TicketReports.more());
        all.addAll(PeopleReports.all());
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).number() != i + 1) {
                throw new IllegalStateException("Report " + all.get(i).key() + " is at position " + (i + 1));
            }
        }
        this.reports = List.copyOf(all);
    }

    List<ReportDefinition> all() {
        return reports;
    }

    /** Finds a report by the number in its URL, such as "3"; empty for anything but 1 to 20. */
    Optional<ReportDefinition> find(String number) {
        if (number == null || !number.matches("[1-9][0-9]?")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(number);
        return n >= 1 && n <= reports.size() ? Optional.of(reports.get(n - 1)) : Optional.empty();
    }
}
