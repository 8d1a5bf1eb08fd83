package org.nodepoint.inventory;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

/** The item list with its filters and, for level 4, the add form with its values and errors. */
public record ItemListPage(
        Chrome chrome,
        List<ItemSummary> rows,
        Paging paging,
        ItemListQuery query,
        List<String> types,
        boolean canAdd,
        ItemForm form,
        FieldErrors errors,
        ItemChoices choices,
        String submissionToken) {

    public List<ItemStatus> statuses() {
        return List.of(ItemStatus.values());
    }

    public boolean isFiltered() {
        return !query.queryString().isEmpty();
    }
}
