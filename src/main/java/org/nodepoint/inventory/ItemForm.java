package org.nodepoint.inventory;

/**
 * The fields of the item add and edit forms as typed. {@code productId} and {@code clientId} are
 * the ids as text, "" for none.
 */
public record ItemForm(String name, String type, String serial, String productId, String clientId, boolean needsApproval, String info) {
    public static ItemForm blank() {
        return new ItemForm("", "", "", "", "", false, "");
    }

    public static ItemForm of(Item item) {
        return new ItemForm(item.name(), item.type(), item.serial() == null ? "" : item.serial(),
                item.productId() == null ? "" : item.productId().toString(), item.clientId() == null ? "" : item.clientId().toString(),
                item.needsApproval(), item.info());
    }
}
