package org.nodepoint.notifications;

import org.nodepoint.web.Text;

/**
 * Writes the title and the plain-text body of item notifications. Only the messages to the user
 * who now holds the item contain its hand-over information; the mail channel escapes the HTML part.
 */
final class ItemMessages {
    private final Text text;
    private final String publicUrl;

    /** {@code publicUrl} is the site's public address without a trailing slash, or "" to add no link. */
    ItemMessages(Text text, String publicUrl) {
        this.text = text;
        this.publicUrl = publicUrl;
    }

    /** One notification's title and body. */
    record Message(String title, String body) {
    }

    Message checkedOut(ItemFacts item) {
        return toHolder("notifications.item.checkedOut", item, text.plain("notifications.item.checkedOut.intro", item.name()));
    }

    Message approved(ItemFacts item) {
        return toHolder("notifications.item.approved", item, text.plain("notifications.item.approved.intro", actor(item), item.name()));
    }

    Message assigned(ItemFacts item) {
        return toHolder("notifications.item.assigned", item, text.plain("notifications.item.assigned.intro", actor(item), item.name()));
    }

    /** Writes the requester's own confirmation that the request waits for approval. */
    Message requestReceived(ItemFacts item) {
        return withoutInfo("notifications.item.requestReceived", item, text.plain("notifications.item.requestReceived.intro", item.name()));
    }

    /** Writes the message to the users who may approve the request of the item's holder, the requester. */
    Message approvalNeeded(ItemFacts item) {
        return withoutInfo("notifications.item.approvalNeeded", item,
                text.plain("notifications.item.approvalNeeded.intro", item.holderName(), item.name()));
    }

    Message denied(ItemFacts item) {
        return withoutInfo("notifications.item.denied", item, text.plain("notifications.item.denied.intro", actor(item), item.name()));
    }

    private Message toHolder(String key, ItemFacts item, String intro) {
        StringBuilder body = new StringBuilder(intro);
        appendSerial(body, item);
        if (!item.info().isEmpty()) {
            body.append("\n\n").append(text.plain("notifications.item.info")).append('\n').append(item.info());
        }
        return new Message(text.plain(key + ".title", item.name()), withLink(body, item));
    }

    private Message withoutInfo(String key, ItemFacts item, String intro) {
        StringBuilder body = new StringBuilder(intro);
        appendSerial(body, item);
        return new Message(text.plain(key + ".title", item.name()), withLink(body, item));
    }

    private void appendSerial(StringBuilder body, ItemFacts item) {
        if (item.serial() != null && !item.serial().isEmpty()) {
            body.append("\n\n").append(text.plain("notifications.item.serial", item.serial()));
        }
    }

    private String actor(ItemFacts item) {
        return item.actorName() == null ? "?" : item.actorName();
    }

    private String withLink(StringBuilder body, ItemFacts item) {
        if (!publicUrl.isEmpty()) {
            body.append("\n\n").append(text.plain("notifications.item.link", publicUrl + "/items/" + item.id()));
        }
        return body.toString();
    }
}
