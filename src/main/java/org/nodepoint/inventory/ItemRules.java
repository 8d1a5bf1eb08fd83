package org.nodepoint.inventory;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.text.UserText;
import org.nodepoint.web.PathIds;

/**
 * Checks the fields of an item as typed and returns them cleaned. The web form, the legacy API
 * and the CSV import share these rules. Only the type rule differs: the web form takes a listed
 * type (or the item's current one), while the API and the import take any word. {@link ItemService}
 * checks that the project and the client exist, inside its write transaction.
 */
public final class ItemRules {
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_SERIAL_LENGTH = 100;
    public static final int MAX_INFO_LENGTH = 2_000;

    /** The rule for the type: a type from the web form's list, or any word as the API and the import accept. */
    public enum TypeRule { LISTED, FREE }

    /** The cleaned fields; serial, productId and clientId are null when not given. */
    public record Valid(String name, String type, String serial, Long productId, Long clientId, boolean needsApproval, String info) {
    }

    private ItemRules() {
    }

    /**
     * Returns the cleaned fields, or throws ValidationException naming every invalid field.
     * {@code currentType} is the type of the item being edited, which the web form keeps even when
     * it is not a listed one; null for a new item.
     */
    public static Valid check(ItemForm form, TypeRule typeRule, String currentType) {
        FieldErrors errors = new FieldErrors();
        Valid valid = check(form, typeRule, currentType, errors);
        errors.throwIfAny();
        return valid;
    }

    /** Checks like {@link #check(ItemForm, TypeRule, String)}, but adds the errors to {@code errors} and returns what it could clean. */
    public static Valid check(ItemForm form, TypeRule typeRule, String currentType, FieldErrors errors) {
        String name = UserText.singleLine(form.name());
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            errors.add("name", "inventory.name.length", MAX_NAME_LENGTH);
        }
        String type = cleanType(form.type(), typeRule, currentType);
        if (type.isEmpty()) {
            errors.add("type", typeRule == TypeRule.LISTED ? "inventory.type.invalid" : "inventory.type.free",
                    String.join(", ", ItemTypes.LISTED), ItemTypes.MAX_LENGTH);
        }
        String serial = UserText.singleLine(form.serial());
        if (serial.length() > MAX_SERIAL_LENGTH) {
            errors.add("serial", "inventory.serial.length", MAX_SERIAL_LENGTH);
        }
        String info = UserText.multiLine(form.info());
        if (info.length() > MAX_INFO_LENGTH) {
            errors.add("info", "inventory.info.length", MAX_INFO_LENGTH);
        }
        Long productId = optionalId(form.productId(), "productId", "inventory.product.invalid", errors);
        Long clientId = optionalId(form.clientId(), "clientId", "inventory.client.invalid", errors);
        return new Valid(name, type, serial.isEmpty() ? null : serial, productId, clientId, form.needsApproval(), info);
    }

    /** Returns the type to store, or "" when it breaks the rule. */
    private static String cleanType(String text, TypeRule rule, String currentType) {
        if (rule == TypeRule.FREE) {
            String free = ItemTypes.cleanFreeType(text);
            return free.length() > ItemTypes.MAX_LENGTH ? "" : free;
        }
        String clean = text == null ? "" : text.strip();
        if (currentType != null && currentType.equals(clean)) {
            return currentType;
        }
        return ItemTypes.listed(clean).orElse("");
    }

    /** Reads an id field where "" and "0" mean none. */
    private static Long optionalId(String text, String field, String messageKey, FieldErrors errors) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.equals("0")) {
            return null;
        }
        Long id = PathIds.parseNumber(clean);
        if (id == null || id <= 0) {
            errors.add(field, messageKey);
            return null;
        }
        return id;
    }
}
