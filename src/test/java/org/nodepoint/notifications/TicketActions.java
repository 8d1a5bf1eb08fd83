package org.nodepoint.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.Ticket;

/**
 * The six ways a ticket event starts, sent over HTTP as a browser or a 1.x script sends them: filing,
 * updating and commenting through the web forms and through the legacy API.
 */
final class TicketActions {
    private final String origin;
    private final TestNodePoint node;

    TicketActions(String origin, TestNodePoint node) {
        this.origin = origin;
        this.node = node;
    }

    /** Returns a browser signed in as the user, who has the fixture's password. */
    Browser signedIn(String name) {
        Browser browser = new Browser(origin);
        Browser.Page page = browser.signIn(name, TestNodePoint.PASSWORD);
        if (page.status() != 302) {
            throw new AssertionError("Sign-in of " + name + " failed with status " + page.status());
        }
        return browser;
    }

    /** Files a ticket through the form and returns its id. */
    long fileOnWeb(Browser browser, long productId, String title, String description) {
        browser.get("/tickets/new?product=" + productId);
        Browser.Page page = browser.post("/tickets", Map.of("productId", String.valueOf(productId), "release", "",
                "priority", "Normal", "title", title, "description", description));
        expectRedirect(page);
        return Long.parseLong(page.location().replaceFirst("^/tickets/", ""));
    }

    /** Submits the ticket page's form with the ticket's current values, except for {@code changes}. */
    Browser.Page updateOnWeb(Browser browser, long ticketId, Map<String, String> changes) {
        Ticket ticket = node.wiring.tickets.findVisible(node.admin(), ticketId);
        browser.get("/tickets/" + ticketId);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", String.valueOf(ticket.version()));
        form.put("title", ticket.title());
        form.put("description", ticket.description());
        form.put("status", ticket.status());
        form.put("resolution", ticket.resolution());
        form.put("priority", ticket.priorityLevel().label());
        form.put("release", ticket.release());
        form.put("note", "");
        form.putAll(changes);
        Browser.Page page = browser.post("/tickets/" + ticketId, form);
        expectRedirect(page);
        return page;
    }

    Browser.Page commentOnWeb(Browser browser, long ticketId, String comment) {
        browser.get("/tickets/" + ticketId);
        Browser.Page page = browser.post("/tickets/" + ticketId + "/comments", Map.of("comment", comment));
        expectRedirect(page);
        return page;
    }

    /** Calls the legacy API with the write key and returns the response body, failing unless the status is OK. */
    String api(String... namesAndValues) {
        List<String> pairs = new ArrayList<>(List.of("key=" + TestNodePoint.WRITE_KEY));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)))
                .build();
        try {
            String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            if (!body.contains("\"status\": \"OK\"")) {
                throw new AssertionError("API call failed: " + body);
            }
            return body;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static void expectRedirect(Browser.Page page) {
        if (page.status() != 302) {
            throw new AssertionError("Expected a redirect, got status " + page.status() + ":\n" + page.body());
        }
    }
}
