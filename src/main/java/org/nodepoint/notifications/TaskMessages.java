package org.nodepoint.notifications;

import org.nodepoint.web.Text;

/** Writes the title and the plain-text body of task notifications; the mail channel escapes the HTML part. */
final class TaskMessages {
    /** Titles become mail subjects, so a long description is cut there; the body has it in full. */
    private static final int MAX_TITLE_DESCRIPTION = 80;

    private final Text text;
    private final String publicUrl;

    /** {@code publicUrl} is the site's public address without a trailing slash, or "" to add no link. */
    TaskMessages(Text text, String publicUrl) {
        this.text = text;
        this.publicUrl = publicUrl;
    }

    Notification assigned(long recipientId, String recipientName, TaskFacts task) {
        StringBuilder body = new StringBuilder(text.plain("notifications.task.assigned.intro",
                task.actorName() == null ? "?" : task.actorName(), task.productName(), task.dueDate()));
        body.append("\n\n").append(task.description());
        body.append("\n\n").append(text.plain("notifications.task.assigned.completion"));
        if (!publicUrl.isEmpty()) {
            body.append("\n\n").append(text.plain("notifications.task.link", publicUrl + "/projects/" + task.productId() + "#tasks"));
        }
        return new Notification(recipientId, recipientName, text.plain("notifications.task.assigned.title", shortened(task.description())),
                body.toString());
    }

    private static String shortened(String description) {
        if (description.codePointCount(0, description.length()) <= MAX_TITLE_DESCRIPTION) {
            return description;
        }
        return description.substring(0, description.offsetByCodePoints(0, MAX_TITLE_DESCRIPTION - 1)) + "\u2026";
    }
}
