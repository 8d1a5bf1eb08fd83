package org.nodepoint.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.MultipartForm;
import org.nodepoint.testing.TestImages;
import org.nodepoint.testing.PermissionTable;
import org.nodepoint.users.Level;
import org.nodepoint.web.WebApp;

/**
 * Sends every corpus input into one field at a time over a running server, as each actor of the
 * target, and collects every problem that the response checks and the stored data checks find.
 *
 * <p>A form with a spoiler field gets each input two ways: whole, so that the input is stored and
 * the page showing it is checked, and with the spoiler empty, so that the form is shown again with
 * the input in it. The actors take these roles in turns. Other targets get each input once, from
 * the actors in turn, which halves the run time. Stored data is compared after each batch of
 * inputs, with fresh target objects for each batch.
 */
final class AttackRunner {
    /** The number of findings listed in a failure message; the message gives the total as well. */
    private static final int MAX_LISTED_FINDINGS = 60;
    /**
     * The inputs sent to one product or ticket before it is replaced by a fresh one, so that a
     * page showing every stored input (a ticket's history, a product's releases) stays small.
     */
    private static final int INPUTS_PER_TARGET = 40;

    /**
     * Jetty 12's default size limit for the request line and headers, which Javalin 7 keeps. Jetty
     * rejects a longer URI with 414 and closes the connection. When the client is still sending a
     * POST body, the close can reset the connection before the 414 arrives, so a missing response
     * is accepted for such a URI.
     */
    private static final int MAX_REQUEST_HEADER_BYTES = 8 * 1024;
    /** The content of every file part: an image, so that both comment attachments and product images accept it. */
    private static final byte[] FILE_CONTENT = TestImages.png();

    private final AttackFixture fixture;
    private final String origin;
    private final List<AttackCorpus.Input> corpus = AttackCorpus.load();
    private final ResponseChecks.Vocabulary vocabulary = new ResponseChecks.Vocabulary();
    private final Map<Integer, Browser> browsers = new HashMap<>();
    private final List<String> findings = new ArrayList<>();
    private BiFunction<String, Browser.Page, List<String>> extraChecks = (path, page) -> List.of();
    private Consumer<AttackSurface.Target> beforeEachRequest = target -> { };
    private int spread = 1;
    private int findingCount;
    private int requestCount;

    AttackRunner(AttackFixture fixture, String origin) {
        this.fixture = fixture;
        this.origin = origin;
    }

    /** Adds checks for every response, given the path requested (without the query) and the response. */
    AttackRunner withExtraChecks(BiFunction<String, Browser.Page, List<String>> checks) {
        this.extraChecks = checks;
        return this;
    }

    /** Runs an action before each request to a target, such as moving a test clock past the sign-in throttle. */
    AttackRunner beforeEachRequest(Consumer<AttackSurface.Target> action) {
        this.beforeEachRequest = action;
        return this;
    }

    /**
     * Shares the corpus out among the fields of each target: with a spread of 3, each field of a
     * target with 3 or more fields gets every third input, a different third for its neighbour. So
     * every input still reaches every target through one of its fields, in a third of the requests.
     * A spread of 1 sends every input into every field.
     */
    AttackRunner spreadCorpusOverFields(int spread) {
        this.spread = spread;
        return this;
    }

    /**
     * Learns the markup of our own pages: every GET page of the permission table as a guest and as
     * the administrator, and each target with benign values and with each field left empty.
     */
    void learnOwnMarkup(List<AttackSurface.Target> targets) {
        for (int actor : new int[] {Level.GUEST, Level.ADMIN}) {
            for (PermissionTable.Row row : PermissionTable.read("GET")) {
                vocabulary.learn(browser(actor).get(fixture.fill(row.request(), actor)));
            }
        }
        // Jetty's own error page, for a request that it rejects before NodePoint receives it (here: invalid UTF-8).
        vocabulary.learn(browser(Level.GUEST).get("/static/%FF"));
        for (AttackSurface.Target target : targets) {
            for (int actor : target.actors()) {
                beforeEachRequest.accept(target);
                learn(send(target, actor, null, null, null), actor);
                for (String field : target.fields().keySet()) {
                    beforeEachRequest.accept(target);
                    learn(send(target, actor, field, "", null), actor);
                }
            }
        }
    }

    /** One hostile request: the actor that sends it, the input, and the field left empty (or null). */
    private record Send(int actor, AttackCorpus.Input input, String spoiler) {
    }

    /** Sends every input into the field, in batches with fresh target objects, and fails on any finding. */
    void attackAndCheck(AttackSurface.Field field) {
        findings.clear();
        findingCount = 0;
        requestCount = 0;
        // Fresh sessions, because one left idle while other fields ran may have expired on a test clock.
        browsers.clear();
        List<AttackCorpus.Input> corpus = shareOf(field);
        for (int start = 0; start < corpus.size(); start += INPUTS_PER_TARGET) {
            List<AttackCorpus.Input> batch = corpus.subList(start, Math.min(start + INPUTS_PER_TARGET, corpus.size()));
            fixture.renewTargets();
            StoredData before = fixture.snapshot();
            for (Send send : plan(field, start, batch)) {
                attackOnce(field, send);
            }
            String lines = "inputs on lines " + batch.get(0).line() + " to " + batch.get(batch.size() - 1).line();
            checkObjectPages(field, batch, lines);
            int defaultLevel = fixture.node.settings().defaultLevel();
            // The users form sets the level it is given; no input may create an account above a manager's level.
            boolean setsLevel = field.target().path().equals("/users");
            for (String change : fixture.snapshot().unexpectedChanges(before, field.target().writes(),
                    setsLevel ? Level.UNAUTHORIZED : defaultLevel, setsLevel ? Level.USERS_MANAGEMENT : defaultLevel)) {
                record(field + ", " + lines + ": " + change);
            }
        }
        StringJoiner listed = new StringJoiner("\n");
        findings.forEach(listed::add);
        assertThat(findingCount).as("%d problems in %d hostile requests to %s (the first %d are listed):%n%s", findingCount,
                requestCount, field, Math.min(findingCount, MAX_LISTED_FINDINGS), listed).isZero();
    }

    /** Returns the inputs that this field gets under the spread: all of them when the spread is 1. */
    private List<AttackCorpus.Input> shareOf(AttackSurface.Field field) {
        List<AttackSurface.Field> siblings = AttackSurface.fieldsOf(List.of(field.target()));
        int stride = Math.max(1, Math.min(spread, siblings.size()));
        int position = siblings.indexOf(field);
        List<AttackCorpus.Input> share = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            if ((i + position) % stride == 0) {
                share.add(corpus.get(i));
            }
        }
        return share;
    }

    /**
     * Returns the requests for a batch of inputs, {@code start} being the index of its first input.
     * A form with a spoiler gets each input twice, whole and spoiled, with the actors swapping
     * these roles from one input to the next. Any other target gets each input once, from the
     * actors in turn.
     */
    private List<Send> plan(AttackSurface.Field field, int start, List<AttackCorpus.Input> batch) {
        List<Integer> actors = field.target().actors();
        Optional<String> spoiler = field.target().spoilerFor(field.name());
        List<Send> sends = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            int actor = actors.get((start + i) % actors.size());
            sends.add(new Send(actor, batch.get(i), null));
            if (spoiler.isPresent()) {
                sends.add(new Send(actors.get((start + i + 1) % actors.size()), batch.get(i), spoiler.get()));
            }
        }
        return sends;
    }

    private void attackOnce(AttackSurface.Field field, Send send) {
        AttackSurface.Target target = field.target();
        String context = field + (send.spoiler() == null ? "" : " with " + send.spoiler() + " empty") + " as "
                + AttackFixture.actorName(send.actor()) + ", " + send.input();
        beforeEachRequest.accept(target);
        Browser.Page page;
        try {
            page = sendAgainIfClosed(target, send.actor(), field.name(), send.input().urlEncoded(), send.spoiler());
        } catch (UncheckedIOException failure) {
            if (target.part() == AttackSurface.Part.BODY || send.input().urlEncoded().length() < MAX_REQUEST_HEADER_BYTES) {
                record(context + ": no response: " + failure.getMessage());
            }
            return;
        }
        requestCount++;
        List<String> problems = new ArrayList<>(ResponseChecks.problems(page, send.input(), vocabulary));
        problems.addAll(extraChecks.apply(target.path(), page));
        if (page.status() == 403) {
            problems.add("rejected with 403 although the actor may send this request with a valid CSRF token");
        }
        if (target.objectPages().isEmpty()) {
            follow(page, send.actor()).ifPresent(shown -> ResponseChecks.problems(shown, send.input(), vocabulary)
                    .forEach(problem -> problems.add("after redirect to " + page.location() + ": " + problem)));
        }
        if (setsSession(page)) {
            browsers.remove(send.actor());
        }
        for (String problem : problems) {
            record(context + ", status " + page.status() + ": " + problem);
        }
    }

    /** Checks, as each actor of the target, the pages that show every value that the batch stored. */
    private void checkObjectPages(AttackSurface.Field field, List<AttackCorpus.Input> batch, String lines) {
        for (String objectPage : field.target().objectPages()) {
            for (int actor : field.target().actors()) {
                String path = fixture.fill(objectPage, actor);
                Browser.Page page = browser(actor).get(path);
                requestCount++;
                List<String> problems = new ArrayList<>(ResponseChecks.problems(page, batch, vocabulary));
                problems.addAll(extraChecks.apply(path, page));
                for (String problem : problems) {
                    record(field + " as " + AttackFixture.actorName(actor) + ", page " + objectPage + " after " + lines
                            + ", status " + page.status() + ": " + problem);
                }
            }
        }
    }

    private void learn(Browser.Page page, int actor) {
        vocabulary.learn(page);
        follow(page, actor).ifPresent(vocabulary::learn);
        if (setsSession(page)) {
            browsers.remove(actor);
        }
    }

    private void record(String finding) {
        findingCount++;
        if (findings.size() < MAX_LISTED_FINDINGS) {
            findings.add(finding);
        }
    }

    /**
     * Sends the request, and once more when the connection was closed before any response. Jetty
     * 12 closes the connection after some 400 responses without a "Connection: close" header. The
     * java.net.http client then sends the next request on the closed connection, and it retries
     * only GETs by itself.
     */
    private Browser.Page sendAgainIfClosed(AttackSurface.Target target, int actor, String attacked, String encodedValue, String spoiled) {
        try {
            return send(target, actor, attacked, encodedValue, spoiled);
        } catch (UncheckedIOException closed) {
            return send(target, actor, attacked, encodedValue, spoiled);
        }
    }

    /**
     * Sends the target with benign values, except that {@code attacked} gets {@code encodedValue}
     * (already percent-encoded) and {@code spoiled} is empty. Either may be null.
     */
    Browser.Page send(AttackSurface.Target target, int actor, String attacked, String encodedValue, String spoiled) {
        Browser browser = browser(actor);
        String path = fixture.fill(target.path(), actor);
        MultipartForm multipart = new MultipartForm();
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> field : target.fields().entrySet()) {
            String value;
            if (field.getKey().equals(attacked)) {
                value = encodedValue;
            } else if (field.getKey().equals(spoiled)) {
                value = "";
            } else {
                value = AttackCorpus.percentEncode(fixture.fill(field.getValue(), actor));
            }
            if (target.part() == AttackSurface.Part.PATH) {
                // Slashes stay raw in a {path} parameter, because that route takes several segments.
                path = path.replace(field.getKey(), field.getKey().equals("{path}") ? value.replace("%2F", "/") : value);
            } else if (target.part() == AttackSurface.Part.FILE && target.fileFields().contains(field.getKey())) {
                multipart.file(field.getKey(), AttackCorpus.percentDecode(value), FILE_CONTENT);
            } else if (target.part() == AttackSurface.Part.FILE) {
                multipart.field(field.getKey(), new String(AttackCorpus.percentDecode(value), StandardCharsets.UTF_8));
            } else {
                pairs.add(field.getKey() + "=" + value);
            }
        }
        String encoded = String.join("&", pairs);
        return switch (target.part()) {
            case BODY -> browser.postEncoded(path, encoded);
            case QUERY -> browser.get(path + "?" + encoded);
            case PATH -> target.method().equals("GET") ? browser.get(path) : browser.postEncoded(path, "");
            case FILE -> browser.postMultipart(path, multipart);
        };
    }

    /** Returns the actor's browser, signing in again when a response ended or replaced its session. */
    Browser browser(int actor) {
        return browsers.computeIfAbsent(actor, this::signIn);
    }

    private Browser signIn(int actor) {
        Browser browser = new Browser(origin);
        if (actor == Level.GUEST) {
            browser.get("/login");
            return browser;
        }
        Browser.Page signedIn = browser.signIn(AttackFixture.actorName(actor), AttackFixture.password(actor));
        assertThat(signedIn.status()).as("sign-in of %s", AttackFixture.actorName(actor)).isEqualTo(302);
        browser.get("/");
        return browser;
    }

    /**
     * Loads the target of a local redirect, without its fragment. A location that java.net.URI
     * rejects (such as one with a brace) is not followed, but the header checks still apply to it.
     */
    private Optional<Browser.Page> follow(Browser.Page page, int actor) {
        String location = page.location().replaceFirst("#.*", "");
        boolean local = page.status() >= 300 && page.status() < 400 && location.startsWith("/") && !location.startsWith("//");
        if (!local) {
            return Optional.empty();
        }
        try {
            URI.create(origin + location);
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
        return Optional.of(browser(actor).get(location));
    }

    private static boolean setsSession(Browser.Page page) {
        return page.headers().allValues("Set-Cookie").stream().anyMatch(cookie -> cookie.startsWith(WebApp.SESSION_COOKIE + "="));
    }
}
