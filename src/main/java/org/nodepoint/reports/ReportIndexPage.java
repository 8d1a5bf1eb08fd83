package org.nodepoint.reports;

import java.util.List;
import org.nodepoint.web.Chrome;

/** The list of the reports that this viewer may open, each with its number and the message keys of its title and description. */
public record ReportIndexPage(Chrome chrome, List<Entry> reports) {
    public record Entry(int number, String titleKey, String descriptionKey) {
    }
}
