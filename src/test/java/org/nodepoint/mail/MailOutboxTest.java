package org.nodepoint.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.syslog.LogEntry;
import org.nodepoint.testing.TestMail;
import org.nodepoint.testing.TestNodePoint;

class MailOutboxTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    @Test
    void mail_has_site_subject_and_escaped_html() throws Exception {
        try (TestNodePoint node = TestNodePoint.configured(folder, TestMail.settings(smtp))) {
            node.wiring.mail.send(new OutgoingMail("Dana Grüber", "dana@example.org", "Ticket 7: <b>Grüße</b>",
                    "Printer says <script>alert(1)</script> & stops.\nSee https://desk.example.org/tickets/7"));
            node.wiring.mail.awaitIdle(WAIT);

            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            MimeMessage message = received[0];
            assertThat(message.getSubject()).isEqualTo("Test Desk - Ticket 7: <b>Grüße</b>");
            assertThat(message.getAllRecipients()[0].toString()).contains("dana@example.org");
            String raw = GreenMailUtil.getWholeMessage(message);
            assertThat(raw).contains("multipart/alternative");
            String html = htmlPart(message);
            assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; stops.")
                    .contains("<a href=\"https://desk.example.org/tickets/7\">")
                    .doesNotContain("<script>");
            assertThat(textPart(message)).contains("Printer says <script>alert(1)</script> & stops.")
                    .contains("NodePoint");
        }
    }

    @Test
    void mail_ends_with_configured_signature() throws Exception {
        Map<String, String> settings = TestMail.settings(smtp);
        settings.put(Settings.EMAIL_SIGNATURE, "IT desk, room 4");
        try (TestNodePoint node = TestNodePoint.configured(folder, settings)) {
            node.wiring.mail.send(new OutgoingMail("Dana", "dana@example.org", "Hello", "Body"));
            node.wiring.mail.awaitIdle(WAIT);
            assertThat(textPart(smtp.getReceivedMessages()[0])).endsWith("-- \r\nIT desk, room 4\r\n");
        }
    }

    @Test
    void unconfigured_mail_sends_nothing() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            assertThat(node.wiring.mail.isEnabled()).isFalse();
            node.wiring.mail.send(new OutgoingMail("Dana", "dana@example.org", "Hello", "Body"));
            node.wiring.mail.awaitIdle(WAIT);
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void refused_mail_is_logged_after_retries() throws IOException {
        int closedPort = freePort();
        try (TestNodePoint node = TestNodePoint.configured(folder, TestMail.settings(closedPort))) {
            long started = System.nanoTime();
            node.wiring.mail.send(new OutgoingMail("Dana", "dana@example.org", "Printer jam", "Body"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("send only queues").isLessThan(Duration.ofSeconds(1));
            node.wiring.mail.awaitIdle(WAIT);

            assertThat(node.wiring.systemLog.newest(0, 10)).singleElement().satisfies(entry -> {
                assertThat(entry.category()).isEqualTo("mail");
                assertThat(entry.actor()).isEqualTo("dana@example.org");
                assertThat(entry.message()).contains("Printer jam").contains("after 3 attempts");
            });
        }
    }

    @Test
    void send_now_throws_the_failure() throws IOException {
        int closedPort = freePort();
        try (TestNodePoint node = TestNodePoint.configured(folder, TestMail.settings(closedPort))) {
            assertThatThrownBy(() -> node.wiring.mail.sendNow(new OutgoingMail("Dana", "dana@example.org", "Test", "Body")))
                    .isInstanceOf(MailFailure.class)
                    .hasMessageContaining("Connection refused");
            assertThat(node.wiring.systemLog.newest(0, 10)).extracting(LogEntry::category).doesNotContain("mail");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String textPart(MimeMessage message) throws Exception {
        return part(message, "text/plain");
    }

    private static String htmlPart(MimeMessage message) throws Exception {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String type) throws Exception {
        jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            jakarta.mail.BodyPart body = multipart.getBodyPart(i);
            if (body.isMimeType(type)) {
                return (String) body.getContent();
            }
            if (body.getContent() instanceof jakarta.mail.Multipart) {
                jakarta.mail.Multipart inner = (jakarta.mail.Multipart) body.getContent();
                for (int j = 0; j < inner.getCount(); j++) {
                    if (inner.getBodyPart(j).isMimeType(type)) {
                        return (String) inner.getBodyPart(j).getContent();
                    }
                }
            }
        }
        throw new AssertionError("No " + type + " part");
    }
}
