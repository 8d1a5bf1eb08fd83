package org.nodepoint.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.SystemLogTable.LOOPBACK;
import static org.nodepoint.testing.SystemLogTable.rows;
import static org.nodepoint.testing.SystemLogTable.storedText;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.SystemLogTable.Row;
import org.nodepoint.testing.TestNodePoint;

/** The system log entry of a completed first-run setup. */
class SetupRecordsTest {
    private static final String PASSWORD = "setup-password-8842";

    @TempDir
    Path folder;

    @Test
    void completed_setup_is_recorded_with_the_client_address() {
        try (TestNodePoint node = TestNodePoint.unconfigured(folder)) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                browser.get("/setup");
                Map<String, String> form = new LinkedHashMap<>();
                form.put("setupCode", TestNodePoint.SETUP_CODE);
                form.put("adminName", "chief");
                form.put("password", PASSWORD);
                form.put("password2", PASSWORD);
                form.put("siteName", "Campus Desk");
                form.put("ticketVisibility", "Private");

                Browser.Page saved = browser.post("/setup", form);
                browser.signIn("chief", PASSWORD);
                List<Row> rows = rows(browser);

                assertThat(saved.status()).isEqualTo(302);
                assertThat(rows).hasSize(1);
                assertThat(rows.get(0).category()).isEqualTo("System");
                assertThat(rows.get(0).actor()).matches(LOOPBACK);
                assertThat(rows.get(0).message()).isEqualTo("Completed the first-run setup; the administrator is chief");
                assertThat(storedText(node)).doesNotContain(PASSWORD).doesNotContain(TestNodePoint.SETUP_CODE);
            });
        }
    }
}
