package org.nodepoint.shoutbox;

/** A visible shoutbox message with its author's name and its time in epoch milliseconds. */
public record Shout(long id, long userId, String authorName, String message, long createdAt) {
}
