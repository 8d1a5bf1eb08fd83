package org.nodepoint.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.Wiring;
import org.nodepoint.setup.SetupCode;
import org.nodepoint.setup.SetupForm;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;

/**
 * Sign-in throttling under parallel guesses: each attempt is counted before its password hash is
 * checked, so guesses sent at the same moment cannot all pass the limit of 5 per account name.
 */
class LoginThrottleRaceTest {
    private static final int PARALLEL_GUESSES = 20;
    private static final int MAX_FAILURES_PER_NAME = 5;
    /** The production Argon2id cost (19 MiB, 2 passes), so that each guess takes as long as in a real server. */
    private static final Argon2Function PRODUCTION_HASHING = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    @TempDir
    Path folder;

    @Test
    void parallel_guesses_stay_within_limit() throws Exception {
        try (Wiring wiring = new Wiring(folder, PRODUCTION_HASHING, Clock.systemUTC())) {
            wiring.setup.configure(new SetupForm("admin", TestNodePoint.ADMIN_PASSWORD, TestNodePoint.ADMIN_PASSWORD,
                    "Test Desk", "Restricted", false, false, TestNodePoint.READ_KEY, TestNodePoint.WRITE_KEY));
            wiring.users.register("victim", TestNodePoint.PASSWORD, TestNodePoint.PASSWORD, "");

            io.javalin.testtools.JavalinTest.test(wiring.createApp(new SetupCode(TestNodePoint.SETUP_CODE), null),
                    new io.javalin.testtools.TestConfig(false, true), (server, client) -> {
                List<Browser> browsers = new ArrayList<>();
                for (int i = 0; i < PARALLEL_GUESSES; i++) {
                    Browser browser = new Browser(client.getOrigin());
                    browser.get("/login");
                    browsers.add(browser);
                }

                CountDownLatch start = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_GUESSES);
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < PARALLEL_GUESSES; i++) {
                    Browser browser = browsers.get(i);
                    String guess = "wrong-guess-" + i;
                    statuses.add(pool.submit(() -> {
                        start.await();
                        return browser.post("/login", Map.of("name", "victim", "password", guess)).status();
                    }));
                }
                start.countDown();

                int evaluated = 0;
                for (Future<Integer> status : statuses) {
                    if (status.get() == 401) {
                        evaluated++;
                    }
                }
                pool.shutdown();
                assertThat(evaluated).as("wrong passwords checked for one name in one burst").isLessThanOrEqualTo(MAX_FAILURES_PER_NAME);
            });
        }
    }
}
