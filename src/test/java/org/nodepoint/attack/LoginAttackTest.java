package org.nodepoint.attack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.MovableClock;

/**
 * Sends the attack corpus into the sign-in form. After a few failures the sign-in throttle would
 * reject almost every request with 429 before the name and password are checked, so the test
 * clock moves past the throttle's 15-minute window before that happens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
class LoginAttackTest {
    /** Fewer than the throttle's 5 failures per name, so that neither the name nor the address limit is reached. */
    private static final int REQUESTS_PER_WINDOW = 4;
    private static final Duration THROTTLE_WINDOW = Duration.ofMinutes(15);

    private final MovableClock clock = new MovableClock();
    private AttackServer server;
    private int requestsInWindow;

    @BeforeAll
    void startServer(@TempDir Path folder) {
        server = new AttackServer(AttackFixture.create(folder, clock));
        server.runner.beforeEachRequest(target -> leaveThrottleWindowWhenFull()).withExtraChecks(LoginAttackTest::throttled);
        server.runner.learnOwnMarkup(List.of(AttackSurface.LOGIN));
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    Stream<AttackSurface.Field> loginFields() {
        return AttackSurface.fieldsOf(List.of(AttackSurface.LOGIN)).stream();
    }

    @ParameterizedTest(name = "{0}")
    @Execution(ExecutionMode.SAME_THREAD)
    @MethodSource("loginFields")
    void hostile_login_input_is_harmless(AttackSurface.Field field) {
        server.runner.attackAndCheck(field);
    }

    /** Reports a 429, which would mean that the input never reached the name and password check. */
    private static List<String> throttled(String path, Browser.Page page) {
        return page.status() == 429 ? List.of("throttled with 429, so the input was not checked") : List.of();
    }

    private void leaveThrottleWindowWhenFull() {
        if (++requestsInWindow > REQUESTS_PER_WINDOW) {
            clock.advance(THROTTLE_WINDOW.plusSeconds(1));
            requestsInWindow = 1;
        }
    }
}
