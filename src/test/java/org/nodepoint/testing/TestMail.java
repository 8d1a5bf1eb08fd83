package org.nodepoint.testing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.nodepoint.config.Settings;

/** Settings and fixtures for tests that send mail to GreenMail. */
public final class TestMail {
    /** How long a test waits for queued mail; a wait ends as soon as the mail is sent. */
    public static final Duration WAIT = Duration.ofSeconds(10);
    public static final String PUBLIC_URL = "https://desk.example.org";

    private TestMail() {
    }

    /** Returns the settings that send mail to the GreenMail server in plain SMTP, without public_url. */
    public static Map<String, String> settings(GreenMailExtension smtp) {
        return settings(smtp.getSmtp().getPort());
    }

    /** Returns the settings that send mail in plain SMTP to the port on 127.0.0.1, without public_url. */
    public static Map<String, String> settings(int port) {
        Map<String, String> settings = new HashMap<>();
        settings.put(Settings.SMTP_SERVER, "127.0.0.1");
        settings.put(Settings.SMTP_PORT, String.valueOf(port));
        settings.put(Settings.SMTP_SECURITY, "none");
        settings.put(Settings.SMTP_FROM, "desk@example.org");
        return settings;
    }

    /** Returns {@link #settings(GreenMailExtension)} with public_url set to {@link #PUBLIC_URL}. */
    public static Map<String, String> settingsWithLinks(GreenMailExtension smtp) {
        Map<String, String> settings = settings(smtp);
        settings.put(Settings.PUBLIC_URL, PUBLIC_URL);
        return settings;
    }

    /** Sets the user's address and marks it confirmed directly in the database. */
    public static void giveConfirmedAddress(TestNodePoint node, String name, String email) {
        node.wiring.database.write().useHandle(handle ->
                handle.execute("UPDATE users SET email = ?, email_confirmed = 1 WHERE name = ?", email, name));
    }

    /** Waits until lost password requests are looked up and every queued mail is sent. */
    public static void awaitMail(TestNodePoint node) {
        node.wiring.passwordResets.awaitIdle(WAIT);
        node.wiring.mail.awaitIdle(WAIT);
    }
}
