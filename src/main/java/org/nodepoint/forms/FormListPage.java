package org.nodepoint.forms;

import java.util.List;
import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

/** The forms list of the Tools menu. */
public record FormListPage(Chrome chrome, List<FormSummary> forms, Paging paging) {
}
