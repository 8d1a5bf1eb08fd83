package org.nodepoint.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.TicketVisibility;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductForm;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.Viewer;

/**
 * The permission table: for each site-wide ticket visibility, each viewer level and each product
 * visibility, the ticket list, its total, the ticket page, search, the home page and the product
 * page's ticket count must all show the same tickets. The expected tickets are computed here from
 * the rules, independently of TicketAccess.
 */
class TicketVisibilityRoutesTest {
    private static final List<String> PRODUCT_VISIBILITIES = List.of("Public", "Private", "Restricted", "Archived");
    private static final List<Integer> VIEWER_LEVELS = List.of(Level.GUEST, 0, 1, 2, 3, 4, 5);

    @TempDir
    Path folder;

    /** A ticket of the table: its product's visibility and whether the author (not the admin) filed it. */
    private record Filed(long id, long productId, String productVisibility, boolean byAuthor) {
    }

    @ParameterizedTest
    @EnumSource(TicketVisibility.class)
    void every_view_agrees_on_visibility(TicketVisibility site) {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("default_vis", site.label(), "page_len", "100"))) {
            User author = node.user("author", Level.AUTHORIZED);
            Map<Integer, User> viewers = new LinkedHashMap<>();
            for (int level : VIEWER_LEVELS) {
                if (level != Level.GUEST) {
                    viewers.put(level, node.user("viewer" + level, level));
                }
            }
            List<Filed> filed = fileOneTicketPerAuthorAndProduct(node, author);
            assignEveryAdminTicket(node, filed, viewers.values());

            SoftAssertions softly = new SoftAssertions();
            node.http((server, client) -> {
                for (int level : VIEWER_LEVELS) {
                    Browser browser = new Browser(client.getOrigin());
                    if (level != Level.GUEST) {
                        assertThat(browser.signIn("viewer" + level, TestNodePoint.PASSWORD).status()).isEqualTo(302);
                    }
                    Set<Long> expected = expectedIds(filed, level, site, false);
                    checkEveryView(softly, browser, filed, expected, "level " + level);
                    if (level != Level.GUEST) {
                        checkAssignedOnHome(softly, browser, expected, filed, "level " + level);
                    }
                    checkProductCounts(softly, browser, filed, expected, level, "level " + level);
                }

                Browser browser = new Browser(client.getOrigin());
                assertThat(browser.signIn("author", TestNodePoint.PASSWORD).status()).isEqualTo(302);
                Set<Long> expected = expectedIds(filed, Level.AUTHORIZED, site, true);
                checkEveryView(softly, browser, filed, expected, "author");
                checkCreatedOnHome(softly, browser, filed, "author");
            });
            softly.assertAll();
        }
    }

    private static List<Filed> fileOneTicketPerAuthorAndProduct(TestNodePoint node, User author) {
        Viewer admin = node.admin();
        List<Filed> filed = new ArrayList<>();
        for (String visibility : PRODUCT_VISIBILITIES) {
            Product product = node.product("Product " + visibility, "Public");
            long byAdmin = node.ticket(admin, product, "quokka by admin in " + visibility, "Filed by the administrator");
            long byAuthor = node.ticket(node.viewer(author), product, "quokka by author in " + visibility, "Filed by the author");
            node.wiring.products.update(admin, product.id(), new ProductForm(product.name(), "", "", visibility, ""));
            filed.add(new Filed(byAdmin, product.id(), visibility, false));
            filed.add(new Filed(byAuthor, product.id(), visibility, true));
        }
        return filed;
    }

    private static void assignEveryAdminTicket(TestNodePoint node, List<Filed> filed, Iterable<User> users) {
        node.wiring.database.write().useHandle(handle -> {
            for (User user : users) {
                for (Filed ticket : filed) {
                    if (!ticket.byAuthor()) {
                        handle.execute("INSERT INTO ticket_assignees (ticket_id, user_id) VALUES (?, ?)", ticket.id(), user.id());
                    }
                }
            }
        });
    }

    private static Set<Long> expectedIds(List<Filed> filed, int level, TicketVisibility site, boolean isAuthor) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Filed ticket : filed) {
            boolean visible = (isAuthor && ticket.byAuthor())
                    || (productVisible(level, ticket.productVisibility()) && siteAllows(level, site));
            if (visible) {
                ids.add(ticket.id());
            }
        }
        return ids;
    }

    private static boolean productVisible(int level, String visibility) {
        if (level >= Level.PROJECTS_MANAGEMENT) {
            return true;
        }
        return switch (visibility) {
            case "Public", "Archived" -> true;
            case "Private" -> level >= Level.UNAUTHORIZED;
            case "Restricted" -> level >= Level.RESTRICTED_VIEW;
            default -> throw new IllegalArgumentException(visibility);
        };
    }

    private static boolean siteAllows(int level, TicketVisibility site) {
        return switch (site) {
            case PUBLIC -> true;
            case PRIVATE -> level >= Level.UNAUTHORIZED;
            case RESTRICTED -> level >= Level.RESTRICTED_VIEW;
        };
    }

    private static void checkEveryView(SoftAssertions softly, Browser browser, List<Filed> filed, Set<Long> expected, String viewerName) {
        Document list = Jsoup.parse(browser.get("/tickets").body());
        softly.assertThat(ticketIds(list.select("table.table-tickets tbody tr"))).as("list rows for %s", viewerName)
                .containsExactlyInAnyOrderElementsOf(expected);
        softly.assertThat(pagingTotal(list)).as("list total for %s", viewerName).isEqualTo(expected.size());

        for (Filed ticket : filed) {
            int status = browser.get("/tickets/" + ticket.id()).status();
            softly.assertThat(status).as("page of ticket %d (%s) for %s", ticket.id(), ticket.productVisibility(), viewerName)
                    .isEqualTo(expected.contains(ticket.id()) ? 200 : 404);
        }

        Document search = Jsoup.parse(browser.get("/search?q=quokka").body());
        List<Long> found = new ArrayList<>();
        for (Element link : search.select("ol a.fw-semibold")) {
            found.add(Long.parseLong(link.attr("href").substring("/tickets/".length())));
        }
        softly.assertThat(found).as("search results for %s", viewerName).containsExactlyInAnyOrderElementsOf(expected);
        softly.assertThat(pagingTotal(search)).as("search total for %s", viewerName).isEqualTo(expected.size());
    }

    private static void checkAssignedOnHome(SoftAssertions softly, Browser browser, Set<Long> expected, List<Filed> filed, String viewerName) {
        Document home = Jsoup.parse(browser.get("/").body());
        Set<Long> expectedAssigned = new LinkedHashSet<>();
        for (Filed ticket : filed) {
            if (!ticket.byAuthor() && expected.contains(ticket.id())) {
                expectedAssigned.add(ticket.id());
            }
        }
        softly.assertThat(ticketIds(home.select("section[aria-labelledby=assigned-heading] tbody tr"))).as("assigned on home for %s", viewerName)
                .containsExactlyInAnyOrderElementsOf(expectedAssigned);
    }

    private static void checkCreatedOnHome(SoftAssertions softly, Browser browser, List<Filed> filed, String viewerName) {
        Document home = Jsoup.parse(browser.get("/").body());
        List<Long> own = filed.stream().filter(Filed::byAuthor).map(Filed::id).toList();
        softly.assertThat(ticketIds(home.select("section[aria-labelledby=created-heading] tbody tr"))).as("created on home for %s", viewerName)
                .containsExactlyInAnyOrderElementsOf(own);
    }

    private static void checkProductCounts(SoftAssertions softly, Browser browser, List<Filed> filed, Set<Long> expected, int level,
            String viewerName) {
        for (String visibility : PRODUCT_VISIBILITIES) {
            long productId = filed.stream().filter(t -> t.productVisibility().equals(visibility)).findFirst().orElseThrow().productId();
            Browser.Page page = browser.get("/projects/" + productId);
            if (!productVisible(level, visibility)) {
                softly.assertThat(page.status()).as("product page %s for %s", visibility, viewerName).isEqualTo(404);
                continue;
            }
            long visibleInProduct = filed.stream().filter(t -> t.productId() == productId && expected.contains(t.id())).count();
            String countText = Jsoup.parse(page.body()).select("a[href=/tickets?product=" + productId + "]").text();
            softly.assertThat(countText).as("product page count %s for %s", visibility, viewerName).isEqualTo(visibleInProduct + " tickets");
        }
    }

    private static List<Long> ticketIds(List<Element> rows) {
        return rows.stream().map(row -> Long.parseLong(row.child(0).text())).toList();
    }

    /** Reads N from the "a–b of N" summary of a paginated list. A page without a summary has no results. */
    private static long pagingTotal(Document page) {
        Element summary = page.selectFirst("nav[aria-label=Pages] > span");
        if (summary == null) {
            return 0;
        }
        String text = summary.text();
        return text.isEmpty() ? 0 : Long.parseLong(text.substring(text.lastIndexOf(' ') + 1));
    }
}
