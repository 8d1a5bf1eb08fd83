package org.nodepoint.inventory;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

/**
 * An item's page: its fields, the actions that the viewer may take now, and its history. After a
 * rejected action, {@code actionErrors} contains the reason, and the assign and expiry fields keep what was typed.
 */
public record ItemPage(Chrome chrome, ItemDetails details, ItemActions actions, FieldErrors actionErrors, String assignee,
        String expiresOn) {

    public Item item() {
        return details.item();
    }
}
