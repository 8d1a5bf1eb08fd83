package org.nodepoint.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.nodepoint.auth.LoginThrottle;
import org.nodepoint.auth.SignInLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nodepoint.Wiring;
import org.nodepoint.legacyapi.LegacyApiRoutes;
import org.nodepoint.testing.Browser;

/**
 * Sends the attack corpus into every parameter of every legacy API call. Besides the common
 * checks, each response must be the API's JSON envelope, unless Jetty rejected the request line
 * before the API saw it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
class LegacyApiAttackTest {
    private static final ObjectMapper STRICT_JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Jetty's statuses for a request line or body that it rejects: bad request, too large, URI too long, headers too large. */
    private static final Set<Integer> REJECTED_BY_JETTY = Set.of(400, 413, 414, 431);

    /** The message of LegacyApi's fallback for a service validation error that the call did not translate. */
    private static final String UNTRANSLATED_ERROR = "Invalid argument.";

    private AttackServer server;

    @BeforeAll
    void startServer(@TempDir Path folder) {
        server = new AttackServer(AttackFixture.create(folder));
        server.runner.withExtraChecks(LegacyApiAttackTest::envelopeProblems);
        server.runner.learnOwnMarkup(AttackSurface.API_CALLS);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    Stream<AttackSurface.Field> apiParameters() {
        return AttackSurface.fieldsOf(AttackSurface.API_CALLS).stream();
    }

    @ParameterizedTest(name = "{0}")
    @Execution(ExecutionMode.SAME_THREAD)
    @MethodSource("apiParameters")
    void hostile_api_parameter_is_harmless(AttackSurface.Field field) {
        server.runner.attackAndCheck(field);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void every_api_call_is_attacked() {
        Wiring wiring = server.fixture.node.wiring;
        Set<String> registered = new LegacyApiRoutes(wiring.settings, wiring.users, wiring.products, wiring.tickets, wiring.formAnswers,
                wiring.assignments, wiring.autoAssignees, wiring.timeTracking, new LoginThrottle(Clock.systemUTC()),
                wiring.systemLog, new SignInLog(wiring.systemLog, Clock.systemUTC()), wiring.items, wiring.clients, wiring.clientEvents,
                wiring.billing, wiring.sharedFiles, wiring.tasks, wiring.signInCheck).api().callNames();
        Set<String> attacked = new TreeSet<>();
        AttackSurface.API_CALLS.forEach(target -> attacked.add(target.fields().get("api")));

        assertThat(attacked).as("API calls in AttackSurface.API_CALLS; add every registered call with all its parameters")
                .containsExactlyInAnyOrderElementsOf(registered);
    }

    /** Checks a response of an API path. The web pages that show stored values get the common checks only. */
    private static List<String> envelopeProblems(String path, Browser.Page page) {
        List<String> problems = new ArrayList<>();
        boolean apiPath = path.equals("/") || path.startsWith("/nodepoint");
        if (!apiPath || REJECTED_BY_JETTY.contains(page.status())) {
            return problems;
        }
        if (page.status() != 200) {
            problems.add("API status " + page.status() + " instead of 200");
        }
        if (!page.headers().firstValue("Content-Type").orElse("").equalsIgnoreCase("text/plain;charset=utf-8")) {
            problems.add("API content type " + page.headers().firstValue("Content-Type").orElse("(none)"));
        }
        try {
            JsonNode body = STRICT_JSON.readTree(page.body());
            if (!body.path("message").isTextual() || !body.path("status").isTextual()) {
                problems.add("API body without message and status: " + abbreviate(page.body()));
            }
            if (body.path("message").asText().equals(UNTRANSLATED_ERROR)) {
                problems.add("a validation error that the call did not translate into one naming the parameter");
            }
        } catch (IOException invalid) {
            problems.add("API body is not valid JSON (" + invalid.getMessage().lines().findFirst().orElse("") + "): " + abbreviate(page.body()));
        }
        return problems;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
