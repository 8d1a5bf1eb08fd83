package org.nodepoint.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NodePoint server signed in to through the login form, as a browser does: the session cookie,
 * the session's CSRF token, and the product ids and highest ticket id that the scenarios draw from.
 */
final class SignedInSite {
    static final String SESSION_COOKIE = "np_session";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern OPEN_PRODUCT_LINK = Pattern.compile("href=\"/tickets/new\\?product=(\\d+)\"");
    private static final Pattern PRODUCT_SELECT = Pattern.compile("<select[^>]*name=\"product\"[^>]*>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern OPTION_ID = Pattern.compile("<option value=\"(\\d+)\"");
    private static final Pattern TICKET_LINK = Pattern.compile("href=\"/tickets/(\\d+)\"");

    final URI baseUri;
    final String sessionCookie;
    final String csrfToken;
    final List<Long> productIds;
    /** Products that take new tickets (not archived), read from the project choice on /tickets/new. */
    final List<Long> openProductIds;
    final long maxTicketId;

    private SignedInSite(URI baseUri, String sessionCookie, String csrfToken, List<Long> productIds, List<Long> openProductIds,
            long maxTicketId) {
        this.openProductIds = openProductIds;
        this.baseUri = baseUri;
        this.sessionCookie = sessionCookie;
        this.csrfToken = csrfToken;
        this.productIds = productIds;
        this.maxTicketId = maxTicketId;
    }

    /**
     * Signs in with the login form, then reads the product ids from the ticket list's product filter
     * and the highest ticket id from its first row (newest first).
     */
    static SignedInSite signIn(URI baseUri, String name, String password) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();

        String loginPage = get(client, baseUri.resolve("/login"));
        String form = "_csrf=" + encode(find(CSRF, loginPage, "the CSRF token on /login")) + "&name=" + encode(name)
                + "&password=" + encode(password);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(baseUri.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        String session = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(SESSION_COOKIE)).map(HttpCookie::getValue).findFirst().orElse(null);
        if (login.statusCode() != 302 || session == null) {
            throw new IllegalStateException("Sign-in as '" + name + "' failed: POST /login returned " + login.statusCode()
                    + (session == null ? " without a session cookie" : "") + " (check --admin-name and --admin-password)");
        }

        String newTicketPage = get(client, baseUri.resolve("/tickets/new"));
        String csrf = find(CSRF, newTicketPage, "the session's CSRF token on /tickets/new");
        List<Long> open = new ArrayList<>();
        Matcher openLink = OPEN_PRODUCT_LINK.matcher(newTicketPage);
        while (openLink.find()) {
            open.add(Long.parseLong(openLink.group(1)));
        }
        String list = get(client, baseUri.resolve("/tickets"));
        List<Long> products = new ArrayList<>();
        Matcher select = PRODUCT_SELECT.matcher(list);
        if (select.find()) {
            Matcher option = OPTION_ID.matcher(select.group(1));
            while (option.find()) {
                products.add(Long.parseLong(option.group(1)));
            }
        }
        if (products.isEmpty()) {
            throw new IllegalStateException("No products found in the product filter of /tickets; import tickets into the data folder first");
        }
        long maxId = Long.parseLong(find(TICKET_LINK, list, "a ticket link on /tickets (the data folder has no tickets?)"));
        return new SignedInSite(baseUri, session, csrf, List.copyOf(products), open.isEmpty() ? List.copyOf(products) : List.copyOf(open), maxId);
    }

    private static String get(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " returned " + response.statusCode() + ", expected 200");
        }
        return response.body();
    }

    private static String find(Pattern pattern, String page, String what) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("Could not find " + what);
        }
        return matcher.group(1);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
