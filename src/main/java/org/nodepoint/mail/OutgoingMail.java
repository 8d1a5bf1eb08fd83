package org.nodepoint.mail;

/**
 * One mail to one person. {@code title} becomes the subject after the site name; {@code body} is
 * plain text, from which the outbox also makes the escaped HTML part.
 */
public record OutgoingMail(String recipientName, String recipientAddress, String title, String body) {
}
