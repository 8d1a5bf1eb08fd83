package org.nodepoint.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nodepoint.config.Settings;
import org.nodepoint.syslog.LogEntry;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.CapturedLogs;
import org.nodepoint.testing.TestMail;
import org.nodepoint.testing.ScriptedSmtpServer;
import org.nodepoint.testing.TestNodePoint;

/** The "Send test e-mail" form on the settings page. */
class TestMailRoutesTest {
    private static final String ROUTE = "/admin/settings/test-mail";
    private static final String SMTP_PASSWORD = "Secret-Pass-42";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    private TestNodePoint node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private void start(Map<String, String> settings) {
        node = TestNodePoint.configured(folder, settings);
    }

    @Test
    void form_is_prefilled_with_admin_address() {
        start(Map.of());
        node.wiring.database.write().useHandle(handle -> handle.execute("UPDATE users SET email = 'root@example.org' WHERE name = 'admin'"));

        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());

            Document page = Jsoup.parse(browser.get(SettingsForm.PATH).body());

            assertThat(page.select("#address").attr("value")).isEqualTo("root@example.org");
            assertThat(page.select("#address").attr("form")).isEqualTo("test-mail-form");
            assertThat(page.select("form#test-mail-form").attr("action")).isEqualTo(ROUTE);
            assertThat(page.select("form#test-mail-form input[name=_csrf]")).hasSize(1);
        });
    }

    @Test
    void test_mail_arrives_and_success_is_shown() {
        start(TestMail.settings(smtp));

        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());
            browser.get(SettingsForm.PATH);

            Browser.Page sent = browser.post(ROUTE, Map.of("address", " it@example.org "));

            assertThat(sent.status()).isEqualTo(302);
            assertThat(sent.location()).isEqualTo(SettingsForm.PATH + "#test-mail");
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("Test Desk - Test e-mail");
            assertThat(received[0].getAllRecipients()[0].toString()).contains("it@example.org");
            Document page = Jsoup.parse(browser.get(SettingsForm.PATH).body());
            assertThat(page.select(".alert-success").text()).contains("Test e-mail sent to it@example.org");
        });
    }

    @Test
    void invalid_address_is_rejected_naming_the_field() {
        start(TestMail.settings(smtp));
        List<String> invalid = List.of("", "not-an-address", "it@localhost", "it@example.org\r\nBcc: spy@example.org",
                "Dana <it@example.org>", "it@example.org, spy@example.org", "\"it\"@example.org", "a".repeat(250) + "@example.org");

        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());
            for (String address : invalid) {
                browser.get(SettingsForm.PATH);

                Browser.Page page = browser.post(ROUTE, Map.of("address", address));

                assertThat(page.status()).as("status for %s", address).isEqualTo(422);
                Document html = Jsoup.parse(page.body());
                assertThat(html.select("#address-error").text()).as("message for %s", address)
                        .startsWith("Test e-mail address must be one e-mail address");
                assertThat(html.select("#address").hasClass("is-invalid")).as("field marked for %s", address).isTrue();
                assertThat(html.select("#address").attr("value")).as("value kept for %s", address).isEqualTo(address.strip());
            }
            assertThat(smtp.getReceivedMessages()).isEmpty();
        });
    }

    @Test
    void unconfigured_mail_names_what_is_missing() {
        start(Map.of());

        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());

            assertThat(flashAfterSending(browser)).contains("neither the SMTP server nor the sender address is set");
            node.set(Settings.SMTP_SERVER, "127.0.0.1");
            assertThat(flashAfterSending(browser)).contains("no sender address is set");
            node.set(Settings.SMTP_SERVER, "");
            node.set(Settings.SMTP_FROM, "desk@example.org");
            assertThat(flashAfterSending(browser)).contains("no SMTP server is set");
        });
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(node.wiring.systemLog.newest(0, 10)).extracting(LogEntry::category).doesNotContain("mail");
    }

    @Test
    void refused_connection_is_shown_and_logged() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        start(TestMail.settings(closedPort));

        node.http((server, client) -> {
            Browser browser = SettingsForm.signedInAdmin(client.getOrigin());

            assertThat(flashAfterSending(browser)).startsWith("The test e-mail was not sent.").contains("Connection refused");
        });
        assertThat(node.wiring.systemLog.newest(0, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.category()).isEqualTo("mail");
            assertThat(entry.actor()).isEqualTo("admin");
            assertThat(entry.message()).contains("Test e-mail to it@example.org failed").contains("Connection refused");
        });
    }

    @Test
    void server_reply_never_reveals_smtp_password() throws Exception {
        try (RejectingServer rejecting = new RejectingServer("550 5.7.1 Sender rejected for password " + SMTP_PASSWORD);
                CapturedLogs logs = new CapturedLogs()) {
            Map<String, String> settings = TestMail.settings(rejecting.port());
            settings.put(Settings.SMTP_USER, "desk");
            settings.put(Settings.SMTP_PASSWORD, SMTP_PASSWORD);
            start(settings);

            node.http((server, client) -> {
                Browser browser = SettingsForm.signedInAdmin(client.getOrigin());
                browser.get(SettingsForm.PATH);
                browser.post(ROUTE, Map.of("address", "it@example.org"));
                String page = browser.get(SettingsForm.PATH).body();

                assertThat(Jsoup.parse(page).select(".alert-danger").text()).contains("Sender rejected for password ********");
                assertThat(page).doesNotContain(SMTP_PASSWORD);
            });
            assertThat(node.wiring.systemLog.newest(0, 10)).singleElement().satisfies(entry ->
                    assertThat(entry.message()).contains("Sender rejected for password ********").doesNotContain(SMTP_PASSWORD));
            assertThat(logs.lines()).noneMatch(line -> line.contains(SMTP_PASSWORD));
        }
    }

    /**
     * Answers EHLO with one AUTH mechanism and rejects the credentials with a reply that repeats
     * the Base64 text the client sent: the password for LOGIN, "authzid NUL user NUL password" for PLAIN.
     */
    private static void echoCredentials(String mechanism, java.io.BufferedReader in, java.io.Writer out) throws IOException {
        ScriptedSmtpServer.reply(out, "220 echo.example.org ready");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.split(" ");
            String command = words[0].toUpperCase(java.util.Locale.ROOT);
            if (command.equals("EHLO")) {
                ScriptedSmtpServer.reply(out, "250-echo.example.org");
                ScriptedSmtpServer.reply(out, "250 AUTH " + mechanism);
            } else if (command.equals("AUTH") && mechanism.equals("LOGIN")) {
                if (words.length < 3) {
                    ScriptedSmtpServer.reply(out, "334 VXNlcm5hbWU6");
                    in.readLine();
                }
                ScriptedSmtpServer.reply(out, "334 UGFzc3dvcmQ6");
                ScriptedSmtpServer.reply(out, "535 5.7.8 Credentials rejected: " + in.readLine());
            } else if (command.equals("AUTH")) {
                String response = words.length >= 3 ? words[2] : null;
                if (response == null) {
                    ScriptedSmtpServer.reply(out, "334 ");
                    response = in.readLine();
                }
                ScriptedSmtpServer.reply(out, "535 5.7.8 Credentials rejected: " + response);
            } else if (command.equals("QUIT")) {
                ScriptedSmtpServer.reply(out, "221 bye");
                return;
            } else {
                ScriptedSmtpServer.reply(out, "503 5.5.1 Authenticate first");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"LOGIN", "PLAIN"})
    void echoed_base64_password_is_masked(String mechanism) throws Exception {
        String password = "Pässword-with-ümlauts-7";
        try (ScriptedSmtpServer echo = new ScriptedSmtpServer((client, in, out) -> echoCredentials(mechanism, in, out));
                CapturedLogs logs = new CapturedLogs()) {
            Map<String, String> settings = new java.util.HashMap<>(TestMail.settings(echo.port()));
            settings.put(Settings.SMTP_USER, "desk");
            settings.put(Settings.SMTP_PASSWORD, password);
            start(settings);
            List<String> secretForms = List.of(password, base64(password), base64("\0desk\0" + password), base64("desk\0desk\0" + password));

            node.http((server, client) -> {
                Browser browser = SettingsForm.signedInAdmin(client.getOrigin());
                browser.get(SettingsForm.PATH);
                browser.post(ROUTE, Map.of("address", "it@example.org"));
                String page = browser.get(SettingsForm.PATH).body();

                assertThat(Jsoup.parse(page).select(".alert-danger").text()).contains("Credentials rejected: ********");
                secretForms.forEach(secret -> assertThat(page).doesNotContain(secret));
            });
            assertThat(node.wiring.systemLog.newest(0, 10)).singleElement().satisfies(entry -> {
                assertThat(entry.message()).contains("Credentials rejected: ********");
                secretForms.forEach(secret -> assertThat(entry.message()).doesNotContain(secret));
            });
            secretForms.forEach(secret -> assertThat(logs.lines()).noneMatch(line -> line.contains(secret)));
        }
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a test mail to it@example.org and returns the text of the message shown on the settings page. */
    private static String flashAfterSending(Browser browser) {
        browser.get(SettingsForm.PATH);
        Browser.Page sent = browser.post(ROUTE, Map.of("address", "it@example.org"));
        assertThat(sent.status()).isEqualTo(302);
        return Jsoup.parse(browser.get(SettingsForm.PATH).body()).select("[role=status].alert").text();
    }

    /**
     * An SMTP server on 127.0.0.1 that greets, accepts EHLO, and replies to every other command with
     * one fixed rejection. Here the rejection repeats the password, as a hostile or broken server could.
     */
    private static final class RejectingServer implements AutoCloseable {
        private final ServerSocket socket;
        private final String rejection;
        private final Thread thread;

        RejectingServer(String rejection) throws IOException {
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.rejection = rejection;
            this.thread = new Thread(this::serve, "rejecting-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    converse(connection);
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void converse(Socket connection) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = connection.getOutputStream();
            reply(out, "220 rejecting.example.org ready");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 rejecting.example.org");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, rejection);
                }
            }
        }

        private static void reply(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join();
        }
    }
}
