package org.nodepoint.inventory;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

/** The edit form of an item, with the version it was loaded at. */
public record ItemEditPage(Chrome chrome, long itemId, long version, ItemForm form, FieldErrors errors, ItemChoices choices) {
}
