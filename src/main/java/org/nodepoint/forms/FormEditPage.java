package org.nodepoint.forms;

import java.util.ArrayList;
import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

/**
 * The form editor: a new form ({@code formId} null) or an existing one at {@code version}. It
 * always shows {@link TicketForm#MAX_QUESTIONS} rows; the ones left empty are unused.
 */
public record FormEditPage(Chrome chrome, Long formId, long version, FormDraft draft, FieldErrors errors) {

    public boolean isNew() {
        return formId == null;
    }

    /** Returns the submitted rows followed by empty ones, {@link TicketForm#MAX_QUESTIONS} in all. */
    public List<FormDraft.Row> rows() {
        List<FormDraft.Row> rows = new ArrayList<>(draft.rows().subList(0, Math.min(draft.rows().size(), TicketForm.MAX_QUESTIONS)));
        while (rows.size() < TicketForm.MAX_QUESTIONS) {
            rows.add(new FormDraft.Row("", FieldType.SHORT_TEXT.key(), false));
        }
        return rows;
    }

    public List<FieldType> types() {
        return FieldType.offered();
    }
}
