package org.nodepoint.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.SystemLogTable.LOOPBACK;
import static org.nodepoint.testing.SystemLogTable.rows;
import static org.nodepoint.testing.SystemLogTable.signedInAdmin;
import static org.nodepoint.testing.SystemLogTable.storedText;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.MovableClock;
import org.nodepoint.testing.SystemLogTable.Row;
import org.nodepoint.testing.TestNodePoint;

/** What failed and throttled sign-ins leave in the system log, read on the log page. */
class SignInRecordsTest {
    private static final String WRONG_PASSWORD = "wrong-password-6182";

    @TempDir
    Path folder;

    private static void failSignIn(Browser browser, String name, int times) {
        for (int i = 0; i < times; i++) {
            browser.post("/login", Map.of("name", name, "password", WRONG_PASSWORD));
        }
    }

    @Test
    void failed_sign_in_records_name_and_address() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser.Page failed = new Browser(client.getOrigin()).post("/login", Map.of("name", "dana", "password", WRONG_PASSWORD));

                List<Row> rows = rows(signedInAdmin(client.getOrigin()));

                assertThat(failed.status()).isEqualTo(401);
                assertThat(rows).hasSize(1);
                assertThat(rows.get(0).category()).isEqualTo("Sign-in");
                assertThat(rows.get(0).actor()).isEqualTo("dana");
                assertThat(rows.get(0).message()).matches("Failed password check from " + LOOPBACK + " on the sign-in page");
                assertThat(storedText(node)).doesNotContain(WRONG_PASSWORD);
            });
        }
    }

    @Test
    void throttled_sign_ins_recorded_once_per_window() {
        MovableClock clock = new MovableClock();
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(), clock)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser attacker = new Browser(client.getOrigin());
                failSignIn(attacker, "dana", LoginThrottle.MAX_FAILURES_PER_NAME);
                Browser.Page throttled = attacker.post("/login", Map.of("name", "dana", "password", WRONG_PASSWORD));
                failSignIn(attacker, "dana", 2);
                clock.advance(LoginThrottle.WINDOW.plusMinutes(1));
                failSignIn(attacker, "dana", LoginThrottle.MAX_FAILURES_PER_NAME + 1);

                List<Row> rows = rows(signedInAdmin(client.getOrigin()), "text=" + "throttled");

                assertThat(throttled.status()).isEqualTo(429);
                assertThat(rows).extracting(Row::actor).containsExactly("dana", "dana");
                assertThat(rows.get(1).message()).matches("Too many failed attempts: throttled a password check from " + LOOPBACK
                        + " on the sign-in page\\. Throttled attempts from this address are recorded at most once in 15 minutes\\.");
                assertThat(rows.get(0).message()).endsWith("; 2 were not recorded since the previous entry.");
                assertThat(rows(signedInAdmin(client.getOrigin()), "text=Failed+password")).hasSize(2 * LoginThrottle.MAX_FAILURES_PER_NAME);
            });
        }
    }
}
