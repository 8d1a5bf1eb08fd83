package org.nodepoint.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.ScriptedSmtpServer;
import org.nodepoint.testing.TestMail;
import org.nodepoint.testing.TestNodePoint;

/**
 * A "tarpit" mail server, which sends greeting continuation lines ("220-") far more often than
 * the read timeout, so that no single read ever times out. Only the deadline of the whole
 * conversation ends it.
 */
class SlowMailServerTest {
    /** Lines the server sends at most, one per {@link #LINE_INTERVAL_MILLIS}: 20 s in all, far past the test deadline. */
    private static final int MAX_LINES = 100;
    private static final int LINE_INTERVAL_MILLIS = 200;
    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);
    private static final OutgoingMail MAIL = new OutgoingMail("Dana", "dana@example.org", "Printer jam", "Body");

    @TempDir
    Path folder;

    /** Completes with how the last conversation ended: "closed by client" or "server gave up". */
    private final CompletableFuture<String> ending = new CompletableFuture<>();

    /** Sends a continuation line whenever the client stays quiet for an interval, until it closes or the lines run out. */
    private void drip(java.net.Socket client, java.io.BufferedReader in, java.io.Writer out) throws IOException {
        client.setSoTimeout(LINE_INTERVAL_MILLIS);
        for (int line = 0; line < MAX_LINES; line++) {
            ScriptedSmtpServer.reply(out, "220-slow.example.org still greeting");
            try {
                if (client.getInputStream().read() == -1) {
                    ending.complete("closed by client");
                    return;
                }
            } catch (SocketTimeoutException quiet) {
                // The client waits for the end of the greeting; send the next line.
            }
        }
        ending.complete("server gave up");
    }

    private TestNodePoint nodeFor(ScriptedSmtpServer server) {
        return TestNodePoint.configured(folder, Map.of(Settings.SMTP_SERVER, "127.0.0.1", Settings.SMTP_PORT, String.valueOf(server.port()),
                Settings.SMTP_FROM, "desk@example.org", Settings.SMTP_SECURITY, "none"));
    }

    /** Returns an outbox that tries each mail once, with the short deadline. */
    private static MailOutbox outboxFor(TestNodePoint node) {
        return new MailOutbox(node.wiring.settings, node.wiring.systemLog, new MailOutbox.Timing(List.of(), DEADLINE, SHUTDOWN_WAIT));
    }

    @Test
    void send_now_ends_at_deadline() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(this::drip); TestNodePoint node = nodeFor(server);
                MailOutbox outbox = outboxFor(node)) {

            assertThatThrownBy(() -> outbox.sendNow(MAIL))
                    .isInstanceOf(MailFailure.class)
                    .hasMessage("the SMTP server did not finish within 1 s");
            assertThat(ending.get(TestMail.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("closed by client");
        }
    }

    @Test
    void queued_mail_fails_at_deadline() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(this::drip); TestNodePoint node = nodeFor(server);
                MailOutbox outbox = outboxFor(node)) {

            outbox.send(MAIL);
            outbox.awaitIdle(TestMail.WAIT);

            assertThat(ending.get(TestMail.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("closed by client");
            assertThat(node.wiring.systemLog.newest(0, 10)).singleElement().satisfies(entry -> {
                assertThat(entry.category()).isEqualTo("mail");
                assertThat(entry.message()).contains("Printer jam").contains("the SMTP server did not finish within 1 s");
            });
        }
    }
}
