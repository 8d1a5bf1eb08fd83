package org.nodepoint.legacyapi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.events.Origin;
import org.nodepoint.calendar.CalendarDates;
import org.nodepoint.inventory.Item;
import org.nodepoint.inventory.ItemForm;
import org.nodepoint.inventory.ItemRules;
import org.nodepoint.inventory.ItemService;
import org.nodepoint.inventory.ItemTypes;
import org.nodepoint.submissions.Submission;
import org.nodepoint.users.Viewer;

/**
 * The inventory calls add_item, list_items, update_item, assign_item and return_item, with the
 * parameter order, messages and status codes of NodePoint 1.x. They go through the same service
 * rules as the web pages, so assign_item and return_item return an error for an item that is not
 * available or not checked out, where 1.x returned OK and changed the item anyway.
 */
final class ItemCalls {
    /** The characters that NodePoint 1.x dropped from user names ("John Smith" named JohnSmith). */
    private static final Pattern NAME_CHARACTERS = Pattern.compile("[^A-Za-z0-9._@-]");
    /** The parameters that add_item requires to be present, in the order it checks them; the last four may be empty or 0. */
    private static final List<String> ADD_ITEM_PARAMETERS = List.of("type", "name", "serial", "info", "approval", "product_id", "client_id");

    private final LegacyApi api;
    private final ItemService items;

    ItemCalls(LegacyApi api, ItemService items) {
        this.api = api;
        this.items = items;
    }

    void register(Map<String, LegacyApi.Call> calls) {
        calls.put("add_item", this::addItem);
        calls.put("list_items", this::listItems);
        calls.put("update_item", this::updateItem);
        calls.put("assign_item", this::assignItem);
        calls.put("return_item", this::returnItem);
    }

    private LegacyJson addItem(ApiRequest request) {
        for (String name : ADD_ITEM_PARAMETERS) {
            if (!request.isGiven(name) || (List.of("type", "name").contains(name) && !request.isPresent(name))) {
                throw ApiError.missing(name);
            }
        }
        api.checkWriteKey(request);
        ItemForm form = new ItemForm(request.optional("name"), request.optional("type"), request.optional("serial"),
                idText(request, "product_id"), idText(request, "client_id"), request.isPresent("approval"), request.optional("info"));
        Viewer actor = api.apiActor();
        long id;
        try {
            id = items.add(actor, form, ItemRules.TypeRule.FREE, Submission.NONE);
        } catch (ValidationException invalid) {
            throw translate(invalid);
        }
        api.logWrite("add_item", actor, request, "item " + id);
        return LegacyJson.envelope("Item added.", "OK");
    }

    private LegacyJson listItems(ApiRequest request) {
        api.checkReadKey(request);
        List<List<LegacyJson.Field>> rows = items.listAll().stream()
                .map(item -> LegacyJson.object(
                        "id", String.valueOf(item.id()),
                        "name", item.name(),
                        "type", item.type(),
                        "serial", item.serial() == null ? "" : item.serial(),
                        "product_id", String.valueOf(item.productId() == null ? 0 : item.productId()),
                        "client_id", String.valueOf(item.clientId() == null ? 0 : item.clientId()),
                        "approval", item.needsApproval() ? "1" : "0",
                        "status", String.valueOf(item.state().legacyCode()),
                        "expiration", CalendarDates.toUs(item.expiresOn()),
                        "user", item.holderName() == null ? "" : item.holderName()))
                .toList();
        return LegacyJson.envelope("Items list.", "OK").put("items", rows);
    }

    /**
     * Changes the parameters that are given and not empty or 0, as NodePoint 1.x did: approval,
     * product_id and client_id can be set but not cleared through this call.
     */
    private LegacyJson updateItem(ApiRequest request) {
        long id = request.requiredId("id");
        api.checkWriteKey(request);
        Optional<LocalDate> expiry = Optional.empty();
        if (request.isPresent("expiration")) {
            expiry = Optional.of(CalendarDates.parseUs(request.optional("expiration"))
                    .orElseThrow(() -> new ApiError("ERR_INVALID_ARGUMENT", "Expiration format must be mm/dd/yyyy.")));
        }
        Item current = find(id);
        ItemForm form = new ItemForm(
                replaced(request, "name", current.name()),
                replaced(request, "type", current.type()),
                replaced(request, "serial", current.serial() == null ? "" : current.serial()),
                request.isPresent("product_id") ? idText(request, "product_id") : idOf(current.productId()),
                request.isPresent("client_id") ? idText(request, "client_id") : idOf(current.clientId()),
                current.needsApproval() || request.isPresent("approval"),
                replaced(request, "info", current.info()));
        Viewer actor = api.apiActor();
        try {
            items.edit(actor, id, form, null, ItemRules.TypeRule.FREE);
            if (expiry.isPresent()) {
                items.setExpiry(actor, id, expiry.get());
            }
        } catch (NotFoundException missing) {
            throw itemNotFound();
        } catch (ValidationException invalid) {
            throw translate(invalid);
        }
        api.logWrite("update_item", actor, request, "item " + id);
        return LegacyJson.envelope("Item updated.", "OK");
    }

    private LegacyJson assignItem(ApiRequest request) {
        String user = NAME_CHARACTERS.matcher(request.required("user")).replaceAll("");
        long id = request.requiredId("id");
        api.checkWriteKey(request);
        Viewer actor = api.apiActor();
        try {
            items.checkouts().assignByName(actor, id, user, Origin.API);
        } catch (NotFoundException missing) {
            throw itemNotFound();
        } catch (ValidationException invalid) {
            throw translate(invalid);
        }
        api.logWrite("assign_item", actor, request, "item " + id + " to user " + user);
        return LegacyJson.envelope("Item assigned.", "OK");
    }

    private LegacyJson returnItem(ApiRequest request) {
        long id = request.requiredId("id");
        api.checkWriteKey(request);
        Viewer actor = api.apiActor();
        try {
            items.checkouts().returnItem(actor, id, Origin.API);
        } catch (NotFoundException missing) {
            throw itemNotFound();
        } catch (ValidationException invalid) {
            throw translate(invalid);
        }
        api.logWrite("return_item", actor, request, "item " + id);
        return LegacyJson.envelope("Item returned.", "OK");
    }

    private Item find(long id) {
        try {
            return items.find(id);
        } catch (NotFoundException missing) {
            throw itemNotFound();
        }
    }

    /** Returns the parameter when it is given and not empty or 0, else the current value. */
    private static String replaced(ApiRequest request, String name, String current) {
        return request.isPresent(name) ? request.optional(name) : current;
    }

    /** Reads an id as Perl's int() does; 0 (none) becomes "". */
    private static String idText(ApiRequest request, String name) {
        long id = ApiRequest.perlInt(request.optional(name));
        return id <= 0 ? "" : String.valueOf(id);
    }

    private static String idOf(Long id) {
        return id == null ? "" : id.toString();
    }

    private static ApiError itemNotFound() {
        return new ApiError("ERR_INVALID_ID", "Item not found.");
    }

    /** Turns the service's first error into the NodePoint 1.x error for that parameter. */
    private static ApiError translate(ValidationException invalid) {
        Map.Entry<String, FieldErrors.Message> first = invalid.asMap().entrySet().iterator().next();
        return switch (first.getValue().key()) {
            case "inventory.name.length" -> ApiError.badLength("name", "between 1 and " + ItemRules.MAX_NAME_LENGTH + " characters");
            case "inventory.type.free" -> ApiError.badLength("type", "between 1 and " + ItemTypes.MAX_LENGTH + " letters or digits");
            case "inventory.serial.length" -> ApiError.badLength("serial", "at most " + ItemRules.MAX_SERIAL_LENGTH + " characters");
            case "inventory.info.length" -> ApiError.badLength("info", "at most " + ItemRules.MAX_INFO_LENGTH + " characters");
            case "inventory.serial.taken" -> new ApiError("ERR_INVALID_ARGUMENT", "Serial number already exist.");
            case "inventory.product.unknown", "inventory.product.invalid" -> ApiError.invalidProduct();
            case "inventory.client.unknown", "inventory.client.invalid" -> ApiError.invalid("client_id");
            case "inventory.assign.user" -> new ApiError("ERR_INVALID_ARGUMENT",
                    "Invalid 'user' value (no enabled user of level 1 or higher has this name).");
            case "inventory.return.notCheckedOut" -> new ApiError("ERR_INVALID_ARGUMENT", "Item is not checked out.");
            default -> ItemService.STATUS_FIELD.equals(first.getKey())
                    ? new ApiError("ERR_INVALID_ARGUMENT", "Item is not available.")
                    : ApiError.invalid(first.getKey());
        };
    }
}
