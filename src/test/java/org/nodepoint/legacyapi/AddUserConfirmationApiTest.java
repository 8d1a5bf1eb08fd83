package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.PASSWORD;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.ReceivedMail;
import org.nodepoint.testing.TestMail;
import org.nodepoint.testing.TestNodePoint;

/** add_user with an address: the response keeps its layout, and the code goes only to the address. */
class AddUserConfirmationApiTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    @Test
    void added_user_confirms_mailed_code() {
        try (TestNodePoint node = TestNodePoint.configured(folder, TestMail.settingsWithLinks(smtp))) {
            String expected = "{\n \"message\": \"User added.\",\n \"status\": \"OK\",\n \"user\": \"newbie\"\n}\n";
            node.http((server, client) -> {
                ApiClient.Response response = new ApiClient(client.getOrigin()).post("/nodepoint/", "api", "add_user",
                        "user", "newbie", "password", PASSWORD, "key", WRITE_KEY, "email", "newbie@example.com");
                node.wiring.mail.awaitIdle(TestMail.WAIT);
                MimeMessage[] received = smtp.getReceivedMessages();
                String code = ReceivedMail.code(received[0]);
                Browser newbie = new Browser(client.getOrigin());
                newbie.signIn("newbie", PASSWORD);
                newbie.get("/confirm-email?token=" + code);
                Browser.Page confirmed = newbie.post("/confirm-email", Map.of("token", code));

                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
                assertThat(response.body()).doesNotContain(code);
                assertThat(received).hasSize(1);
                assertThat(ReceivedMail.recipients(received[0])).containsExactly("newbie@example.com");
                assertThat(confirmed.location()).isEqualTo("/settings");
                assertThat(node.wiring.users.findByName("newbie").orElseThrow().emailConfirmed()).isTrue();
            });
        }
    }
}
