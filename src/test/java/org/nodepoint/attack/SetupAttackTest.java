package org.nodepoint.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

/**
 * Sends the attack corpus into every field of the first-run setup form, as a guest on a data folder
 * that has not been set up. A setup that succeeds is checked on the sign-in page it leads to, and
 * then undone by clearing the administrator password, so that the next input meets the form again.
 * Every other input goes with the setup code left empty, so that the form is shown again with it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
class SetupAttackTest {
    private static final int MAX_LISTED_FINDINGS = 60;
    /** The built-in accounts api, guest and system, which every data folder has. */
    private static final int BUILT_IN_USERS = 3;

    private final List<AttackCorpus.Input> corpus = AttackCorpus.load();
    private final ResponseChecks.Vocabulary vocabulary = new ResponseChecks.Vocabulary();
    private TestNodePoint node;
    private Javalin app;
    private Browser browser;

    @BeforeAll
    void startServer(@TempDir Path folder) {
        node = TestNodePoint.unconfigured(folder);
        app = node.app().start("127.0.0.1", 0);
        browser = new Browser("http://127.0.0.1:" + app.port());
        vocabulary.learn(browser.get("/static/%FF"));
        vocabulary.learn(browser.get("/setup"));
        Browser.Page configured = send(null, null, null);
        assertThat(configured.location()).as("redirect after a benign setup").isEqualTo("/login");
        vocabulary.learn(browser.get("/login"));
        vocabulary.learn(browser.get("/"));
        undoSetup();
        for (String field : AttackSurface.SETUP.fields().keySet()) {
            vocabulary.learn(send(field, "", null));
            if (node.settings().isConfigured()) {
                undoSetup();
            }
        }
    }

    @AfterAll
    void stopServer() {
        app.stop();
        node.close();
    }

    Stream<AttackSurface.Field> setupFields() {
        return AttackSurface.fieldsOf(List.of(AttackSurface.SETUP)).stream();
    }

    @ParameterizedTest(name = "{0}")
    @Execution(ExecutionMode.SAME_THREAD)
    @MethodSource("setupFields")
    void hostile_setup_input_is_harmless(AttackSurface.Field field) {
        List<String> findings = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            AttackCorpus.Input input = corpus.get(i);
            String spoiler = i % 2 == 1 ? AttackSurface.SETUP.spoilerFor(field.name()).orElseThrow() : null;
            Browser.Page page = send(field.name(), input.urlEncoded(), spoiler);
            String context = field + (spoiler == null ? "" : " with " + spoiler + " empty") + ", " + input + ", status " + page.status() + ": ";
            for (String problem : problemsOf(page, input)) {
                findings.add(context + problem);
            }
        }

        StringJoiner listed = new StringJoiner("\n");
        findings.stream().limit(MAX_LISTED_FINDINGS).forEach(listed::add);
        assertThat(findings.size()).as("%d problems in %d hostile requests to %s (the first %d are listed):%n%s", findings.size(),
                corpus.size(), field, Math.min(findings.size(), MAX_LISTED_FINDINGS), listed).isZero();
    }

    private List<String> problemsOf(Browser.Page page, AttackCorpus.Input input) {
        List<String> problems = new ArrayList<>(ResponseChecks.problems(page, input, vocabulary));
        if (page.status() == 403) {
            problems.add("rejected with 403 although a guest on the loopback address may send this form");
        }
        if (node.settings().isConfigured()) {
            if (!page.location().equals("/login")) {
                problems.add("set up, but redirected to '" + page.location() + "' instead of /login");
            }
            ResponseChecks.problems(browser.get("/login"), input, vocabulary).forEach(problem -> problems.add("on /login after setup: " + problem));
            problems.addAll(unexpectedUsers(true));
            undoSetup();
        } else {
            problems.addAll(unexpectedUsers(false));
        }
        return problems;
    }

    /** Lists differences from the built-in accounts plus, once set up, one administrator of level 6. */
    private List<String> unexpectedUsers(boolean configured) {
        List<Map<String, Object>> users = node.wiring.database.read().withHandle(handle ->
                handle.createQuery("SELECT name, level, kind FROM users WHERE kind <> 'builtin' OR level <> 0").mapToMap().list());
        long builtIn = node.wiring.database.read().withHandle(handle ->
                handle.createQuery("SELECT count(*) FROM users WHERE kind = 'builtin'").mapTo(Long.class).one());
        List<String> problems = new ArrayList<>();
        if (builtIn != BUILT_IN_USERS) {
            problems.add(builtIn + " built-in accounts instead of " + BUILT_IN_USERS);
        }
        for (Map<String, Object> user : users) {
            boolean administrator = "admin".equals(user.get("kind")) && ((Number) user.get("level")).intValue() == Level.ADMIN;
            if (!administrator) {
                problems.add("unexpected account " + user);
            }
        }
        if (configured && users.size() != 1) {
            problems.add(users.size() + " administrator accounts after setup instead of 1");
        }
        return problems;
    }

    /** Clears the administrator password, which makes the data folder unconfigured again. */
    private void undoSetup() {
        node.set(Settings.ADMIN_PASSWORD, "");
    }

    /** Posts the setup form with benign values, except {@code attacked} (already encoded) and an empty {@code spoiled}. */
    private Browser.Page send(String attacked, String encodedValue, String spoiled) {
        List<String> pairs = new ArrayList<>();
        AttackSurface.SETUP.fields().forEach((name, benign) -> {
            String value;
            if (name.equals(attacked)) {
                value = encodedValue;
            } else if (name.equals(spoiled)) {
                value = "";
            } else {
                value = AttackCorpus.percentEncode(benign.replace("$setupCode", TestNodePoint.SETUP_CODE)
                        .replace("$adminPassword", TestNodePoint.ADMIN_PASSWORD));
            }
            pairs.add(name + "=" + value);
        });
        return browser.postEncoded("/setup", String.join("&", pairs));
    }
}
