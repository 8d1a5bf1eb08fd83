package org.nodepoint.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** What a saved setting changes on the next request, seen through real HTTP. */
class SiteSettingsEffectsTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private User reporter;
    private Product product;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.ALLOW_REGISTRATIONS, "on", Settings.TICKET_VISIBILITY, "Public"));
        reporter = node.user("reporter", Level.AUTHORIZED);
        product = node.product("Laptops", "Public");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        browser.signIn(name, TestNodePoint.PASSWORD);
        return browser;
    }

    private void save(String origin, Map<String, String> changes) {
        Browser.Page page = SettingsForm.submit(SettingsForm.signedInAdmin(origin), changes);
        assertThat(page.status()).as("settings save").isEqualTo(302);
    }

    @Test
    void tickets_component_off_hides_tickets() {
        long ticketId = node.ticket(node.viewer(reporter), product, "Screen flickers", "Since Monday");
        node.http((server, client) -> {
            save(client.getOrigin(), Map.of("comp_tickets", "off"));
            Browser browser = signedIn(client.getOrigin(), "reporter");

            Document home = Jsoup.parse(browser.get("/").body());
            Document productPage = Jsoup.parse(browser.get("/projects/" + product.id()).body());

            assertThat(home.select("a[href^=/tickets]")).isEmpty();
            assertThat(home.select("#created-heading")).isEmpty();
            assertThat(productPage.select("a[href^=/tickets]")).isEmpty();
            for (String path : List.of("/tickets", "/tickets/new", "/tickets/" + ticketId)) {
                assertThat(browser.get(path).status()).as(path).isEqualTo(404);
            }
            // Search stays open for the articles component, which is on, but finds no ticket.
            Browser.Page search = browser.get("/search?q=screen");
            assertThat(search.status()).isEqualTo(200);
            assertThat(search.body()).doesNotContain("Screen flickers");
            assertThat(browser.post("/tickets/" + ticketId + "/comments", Map.of("comment", "Still broken")).status()).isEqualTo(404);
            assertThat(node.wiring.tickets.show(node.viewer(reporter), ticketId).comments()).isEmpty();
            String listing = new Browser(client.getOrigin())
                    .get("/?api=list_tickets&product_id=" + product.id() + "&key=" + TestNodePoint.READ_KEY).body();
            assertThat(listing).contains("\"status\": \"OK\"").contains("Screen flickers");
        });
    }

    @Test
    void tickets_component_on_shows_tickets() {
        node.http((server, client) -> {
            save(client.getOrigin(), Map.of("comp_tickets", "on", "comp_files", "off"));
            Browser browser = signedIn(client.getOrigin(), "reporter");

            Document home = Jsoup.parse(browser.get("/").body());

            assertThat(home.select("nav.navbar a[href=/tickets]")).hasSize(1);
            assertThat(browser.get("/tickets").status()).isEqualTo(200);
        });
    }

    @Test
    void notice_shows_on_every_page() {
        node.http((server, client) -> {
            save(client.getOrigin(), Map.of(Settings.NOTICE, "Maintenance <Friday> 18:00"));
            Browser guest = new Browser(client.getOrigin());
            Browser user = signedIn(client.getOrigin(), "reporter");

            List<Browser.Page> pages = List.of(guest.get("/"), guest.get("/login"), guest.get("/no-such-page"), user.get("/projects"),
                    user.get("/tickets"), SettingsForm.signedInAdmin(client.getOrigin()).get(SettingsForm.PATH));

            for (Browser.Page page : pages) {
                assertThat(Jsoup.parse(page.body()).select("main > .alert-info").text()).isEqualTo("Maintenance <Friday> 18:00");
                assertThat(page.body()).doesNotContain("<Friday>");
            }
        });
    }

    @Test
    void theme_colour_sets_navbar_class() {
        List<String> classes = List.of("navbar-theme-blue", "navbar-theme-grey", "navbar-theme-green", "navbar-theme-cyan",
                "navbar-theme-orange", "navbar-theme-red");
        node.http((server, client) -> {
            Browser admin = SettingsForm.signedInAdmin(client.getOrigin());
            for (int number = 0; number < classes.size(); number++) {
                SettingsForm.submit(admin, Map.of(Settings.THEME_COLOR, String.valueOf(number)));

                Document page = Jsoup.parse(new Browser(client.getOrigin()).get("/login").body());

                assertThat(page.select("nav.navbar").hasClass(classes.get(number))).as("colour %d", number).isTrue();
                assertThat(page.select("nav.navbar").hasClass("bg-primary")).isFalse();
            }
        });
    }

    @Test
    void theme_classes_exist_in_style_sheet() {
        node.http((server, client) -> {
            String css = new Browser(client.getOrigin()).get("/static/css/nodepoint.css").body();

            for (String colour : List.of("blue", "grey", "green", "cyan", "orange", "red")) {
                assertThat(css).contains(".navbar-theme-" + colour + " {");
            }
        });
    }

    @Test
    void terminology_changes_product_words() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            Document before = Jsoup.parse(browser.get("/projects/" + product.id()).body());
            save(client.getOrigin(), Map.of(Settings.TERMINOLOGY, "Assets with types and instances"));

            Document after = Jsoup.parse(browser.get("/projects/" + product.id()).body());
            Document newTicket = Jsoup.parse(browser.get("/tickets/new?product=" + product.id()).body());

            assertThat(before.select("nav.navbar a[href=/projects]").text()).isEqualTo("Projects");
            assertThat(before.select("main dt").eachText()).contains("Model");
            assertThat(before.select("main h2").eachText()).contains("Releases");
            assertThat(after.select("nav.navbar a[href=/projects]").text()).isEqualTo("Assets");
            assertThat(after.select(".breadcrumb a").text()).isEqualTo("Assets");
            assertThat(after.select("main dt").eachText()).contains("Type").doesNotContain("Model");
            assertThat(after.select("main h2").eachText()).contains("Instances").doesNotContain("Releases");
            assertThat(newTicket.select("label[for=release]").text()).isEqualTo("Instance");
            assertThat(newTicket.select("main").text()).contains("Asset: Laptops");
        });
    }

    @Test
    void terminology_articles_match_words() {
        node.user("planner", Level.PROJECTS_MANAGEMENT);
        node.http((server, client) -> {
            save(client.getOrigin(), Map.of(Settings.TERMINOLOGY, "Applications with platforms and versions"));
            Browser planner = signedIn(client.getOrigin(), "planner");
            planner.get("/projects/new");

            Browser.Page duplicate = planner.post("/projects", Map.of("name", "Laptops", "model", "", "description", "",
                    "visibility", "Public", "firstRelease", ""));

            assertThat(Jsoup.parse(duplicate.body()).select("#name-error").text()).isEqualTo("An application with this name already exists.");
        });
    }

    @Test
    void page_length_applies_on_next_request() {
        for (int i = 1; i <= 12; i++) {
            node.ticket(node.viewer(reporter), product, "Ticket " + i, "Body " + i);
        }
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            int before = Jsoup.parse(browser.get("/tickets").body()).select("td.title").size();
            save(client.getOrigin(), Map.of(Settings.PAGE_LENGTH, "5"));

            int after = Jsoup.parse(browser.get("/tickets").body()).select("td.title").size();

            assertThat(before).isEqualTo(12);
            assertThat(after).isEqualTo(5);
        });
    }

    /** NodePoint 1.x read any non-empty allow_registrations as on, so saving "off" left registration open. */
    @Test
    void registration_stays_closed_after_saving_off() {
        node.http((server, client) -> {
            assertThat(new Browser(client.getOrigin()).get("/register").status()).isEqualTo(200);
            save(client.getOrigin(), Map.of(Settings.ALLOW_REGISTRATIONS, "off"));
            Browser visitor = new Browser(client.getOrigin());

            Browser.Page form = visitor.get("/register");
            Browser.Page login = visitor.get("/login");
            Browser.Page post = visitor.post("/register", Map.of("name", "intruder", "password", "intruder-password",
                    "password2", "intruder-password", "email", ""));

            assertThat(node.settings().get(Settings.ALLOW_REGISTRATIONS)).isEqualTo("off");
            assertThat(form.status()).isEqualTo(404);
            assertThat(Jsoup.parse(login.body()).select("a[href=/register]")).isEmpty();
            assertThat(post.status()).isEqualTo(404);
            assertThat(node.wiring.users.findByName("intruder")).isEmpty();
        });
    }

    @Test
    void logo_and_style_sheet_load_from_https_host() {
        node.http((server, client) -> {
            save(client.getOrigin(), Map.of(Settings.LOGO, "https://cdn.example.com/brand/logo.png",
                    Settings.STYLESHEET, "https://styles.example.org:8443/site.css", Settings.FAVICON, "/static/favicon.png"));

            Browser.Page login = new Browser(client.getOrigin()).get("/login");

            Document html = Jsoup.parse(login.body());
            String policy = login.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(html.select("img.site-logo").attr("src")).isEqualTo("https://cdn.example.com/brand/logo.png");
            assertThat(html.select("link[rel=stylesheet]").eachAttr("href")).last().isEqualTo("https://styles.example.org:8443/site.css");
            assertThat(html.select("link[rel=icon]").attr("href")).isEqualTo("/static/favicon.png");
            assertThat(policy).contains("img-src 'self' data: https://cdn.example.com;");
            assertThat(policy).contains("style-src 'self' https://styles.example.org:8443;");
            assertThat(policy).contains("script-src 'self';").doesNotContain("unsafe-inline");
        });
    }

    @Test
    void hand_edited_bad_logo_is_ignored() {
        node.set(Settings.LOGO, "javascript:alert(1)");
        node.set(Settings.FAVICON, "favicon.gif");
        node.http((server, client) -> {
            Browser.Page login = new Browser(client.getOrigin()).get("/login");

            assertThat(login.body()).doesNotContain("javascript:").doesNotContain("favicon.gif");
            assertThat(login.headers().firstValue("Content-Security-Policy").orElse("")).contains("img-src 'self' data:;");
        });
    }
}
