package org.nodepoint.plugins;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.Plugin;
import org.nodepoint.db.Database;
import org.nodepoint.events.DomainEvent;
import org.nodepoint.events.EventListener;
import org.nodepoint.events.ItemApproved;
import org.nodepoint.events.ItemAssigned;
import org.nodepoint.events.ItemCheckedOut;

/**
 * Queues the checkout plugin with {@code %user%} (the holder's name) and {@code %serial%} (the
 * item's serial number, or "" when it has none) whenever an item becomes checked out to a user:
 * by a checkout without approval, an approved request or an assignment, from the web pages or the
 * API, as in NodePoint 1.x. The values come from the item as stored when the event arrives, and
 * nothing runs once the item is gone or no longer checked out to that user.
 */
public final class CheckoutPlugin implements EventListener {
    private final PluginRunner runner;
    private final Jdbi read;

    public CheckoutPlugin(PluginRunner runner, Database database) {
        this.runner = runner;
        this.read = database.read();
    }

    /** The values of one run: the holder's name, the serial number, and the name of the user who acted. */
    private record Checkout(String holder, String serial, String actor) {
    }

    @Override
    public void on(DomainEvent event) {
        if (event instanceof ItemCheckedOut checkedOut) {
            submit(checkedOut.itemId(), checkedOut.userId(), checkedOut.actorId());
        } else if (event instanceof ItemApproved approved) {
            submit(approved.itemId(), approved.userId(), approved.actorId());
        } else if (event instanceof ItemAssigned assigned) {
            submit(assigned.itemId(), assigned.userId(), assigned.actorId());
        }
    }

    private void submit(long itemId, long userId, long actorId) {
        if (!runner.isConfigured(Plugin.CHECKOUT)) {
            return;
        }
        findCheckout(itemId, userId, actorId).ifPresent(checkout -> {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("user", checkout.holder());
            values.put("serial", checkout.serial() == null ? "" : checkout.serial());
            runner.submit(Plugin.CHECKOUT, checkout.actor() == null ? "" : checkout.actor(), values);
        });
    }

    private Optional<Checkout> findCheckout(long itemId, long userId, long actorId) {
        return read.withHandle(handle -> handle.createQuery("SELECT u.name AS holder, i.serial, "
                        + "(SELECT name FROM users WHERE id = :actorId) AS actor "
                        + "FROM items i JOIN users u ON u.id = i.holder_id "
                        + "WHERE i.id = :itemId AND i.status = 'checked_out' AND i.holder_id = :userId")
                .bind("itemId", itemId).bind("userId", userId).bind("actorId", actorId)
                .map((row, context) -> new Checkout(row.getString("holder"), row.getString("serial"), row.getString("actor")))
                .findOne());
    }
}
