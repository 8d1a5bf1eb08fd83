package org.nodepoint.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nodepoint.NodePoint;
import org.nodepoint.testing.TestNodePoint;

/**
 * Times pages of a running NodePoint for the benchmark programs. A signed-in client sends warm-up
 * requests, then measured ones one at a time over loopback. It prints percentiles of the time from
 * sending a request to having read the whole response.
 */
final class PageTimer {
    private static final int WARM_UP = 300;
    private static final int MEASURED = 2_000;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String origin;

    private PageTimer(String origin) {
        this.origin = origin;
    }

    /** Returns a timer for the server at {@code origin}, signed in as the administrator. */
    static PageTimer signedInAsAdmin(String origin) throws Exception {
        return signedIn(origin, "admin", TestNodePoint.ADMIN_PASSWORD);
    }

    /** Returns a timer for the server at {@code origin}, signed in as the given user. */
    static PageTimer signedIn(String origin, String name, String password) throws Exception {
        PageTimer timer = new PageTimer(origin);
        timer.signIn(name, password);
        return timer;
    }

    /** Measures the paths that {@code paths} gives for each request number and prints one line of figures. */
    void report(String name, IntFunction<String> paths) throws Exception {
        report(name, WARM_UP, MEASURED, paths);
    }

    /** Measures as {@link #report(String, IntFunction)} does, with fewer requests for large responses. */
    void report(String name, int warmUp, int measured, IntFunction<String> paths) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            fetch(origin + paths.apply(i));
        }
        double[] millis = new double[measured];
        for (int i = 0; i < measured; i++) {
            String url = origin + paths.apply(i);
            long started = System.nanoTime();
            fetch(url);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%-50s n=%d  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", name, millis.length,
                percentile(millis, 50), percentile(millis, 90), percentile(millis, 99), millis[millis.length - 1]);
    }

    private void fetch(String url) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " returned status " + response.statusCode());
        }
    }

    private static double percentile(double[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private void signIn(String name, String password) throws Exception {
        String login = client.send(HttpRequest.newBuilder(URI.create(origin + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = CSRF.matcher(login);
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        String form = "_csrf=" + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8) + "&name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(origin + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("Sign-in failed with status " + response.statusCode());
        }
    }

    /** Runs a NodePoint command in this JVM and returns what it printed; fails unless it exits with 0. */
    static String command(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = NodePoint.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed with status " + status + ": " + err);
        }
        return out.toString();
    }
}
