package org.nodepoint.notifications;

import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.User;

/**
 * Changes accounts and tickets directly in the database, for states that no page can set yet
 * (confirmed addresses, assignees, followers) or that would take several pages to reach.
 */
final class MailFixture {
    private MailFixture() {
    }

    /** Returns the address that the fixture gives a user: the name at example.org. */
    static String addressOf(String name) {
        return name + "@example.org";
    }

    /** Gives the user the address {@link #addressOf} and marks it confirmed. */
    static void confirmAddress(TestNodePoint node, User user) {
        setAddress(node, user, addressOf(user.name()), true);
    }

    static void setAddress(TestNodePoint node, User user, String address, boolean confirmed) {
        node.wiring.database.write().useHandle(handle -> handle.createUpdate(
                        "UPDATE users SET email = :email, email_confirmed = :confirmed WHERE id = :id")
                .bind("email", address).bind("confirmed", confirmed ? 1 : 0).bind("id", user.id()).execute());
    }

    static void setLevel(TestNodePoint node, User user, int level) {
        node.wiring.database.write().useHandle(handle -> handle.createUpdate("UPDATE users SET level = :level WHERE id = :id")
                .bind("level", level).bind("id", user.id()).execute());
    }

    static void disable(TestNodePoint node, User user) {
        node.wiring.database.write().useHandle(handle -> handle.createUpdate("UPDATE users SET disabled = 1 WHERE id = :id")
                .bind("id", user.id()).execute());
    }

    static void assign(TestNodePoint node, long ticketId, User user) {
        node.wiring.database.write().useHandle(handle -> handle.execute(
                "INSERT INTO ticket_assignees (ticket_id, user_id) VALUES (?, ?)", ticketId, user.id()));
    }

    static void follow(TestNodePoint node, long ticketId, User user) {
        node.wiring.database.write().useHandle(handle -> handle.execute(
                "INSERT INTO ticket_followers (ticket_id, user_id) VALUES (?, ?)", ticketId, user.id()));
    }

    /** Returns the user as stored now, after the fixture's changes. */
    static User reload(TestNodePoint node, User user) {
        return node.wiring.users.findById(user.id()).orElseThrow();
    }
}
