package org.nodepoint.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

class ProductRoutesTest {
    @TempDir
    Path folder;

    private TestNodePoint node;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder);
        node.user("reporter", Level.AUTHORIZED);
        node.user("fixer", Level.TICKETS_MANAGEMENT);
        node.user("planner", Level.PROJECTS_MANAGEMENT);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void planner_creates_product_by_form() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "planner");
            browser.get("/projects/new");

            Browser.Page created = browser.post("/projects", productForm("Laptops"));

            assertThat(created.status()).isEqualTo(302);
            assertThat(node.wiring.products.listAll()).extracting(Product::name).containsExactly("Laptops");
        });
    }

    @Test
    void level_one_cannot_post_projects() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            browser.get("/projects");

            Browser.Page page = browser.post("/projects", productForm("Laptops"));
            Browser.Page form = browser.get("/projects/new");

            assertThat(page.status()).isEqualTo(403);
            assertThat(form.status()).isEqualTo(403);
            assertThat(node.wiring.products.listAll()).isEmpty();
        });
    }

    @Test
    void ticket_manager_cannot_edit_product() {
        Product product = node.product("Laptops", "Public");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "fixer");
            browser.get("/projects/" + product.id());

            Browser.Page page = browser.post("/projects/" + product.id(), productForm("Renamed"));

            assertThat(page.status()).isEqualTo(403);
            assertThat(node.wiring.products.findById(product.id()).orElseThrow().name()).isEqualTo("Laptops");
        });
    }

    @Test
    void duplicate_name_rerenders_form_with_422() {
        node.product("Laptops", "Public");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "planner");
            browser.get("/projects/new");

            Browser.Page page = browser.post("/projects", productForm("laptops"));

            assertThat(page.status()).isEqualTo(422);
            assertThat(Jsoup.parse(page.body()).select("#name-error").text()).isEqualTo("A project with this name already exists.");
            assertThat(node.wiring.products.listAll()).hasSize(1);
        });
    }

    @Test
    void ticket_manager_adds_release_by_form() {
        Product product = node.product("Laptops", "Public");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "fixer");
            browser.get("/projects/" + product.id());

            Browser.Page added = browser.post("/projects/" + product.id() + "/releases", Map.of("version", "1.1", "notes", "Fixes"));
            Browser.Page duplicate = browser.post("/projects/" + product.id() + "/releases", Map.of("version", "1.1", "notes", ""));

            assertThat(added.status()).isEqualTo(302);
            assertThat(duplicate.status()).isEqualTo(422);
            assertThat(Jsoup.parse(duplicate.body()).select("#version-error").text()).contains("already has a release");
            assertThat(node.wiring.products.releases(product.id())).extracting(Release::version).containsExactly("1.0", "1.1");
        });
    }

    @Test
    void level_one_cannot_add_release() {
        Product product = node.product("Laptops", "Public");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            browser.get("/projects/" + product.id());

            Browser.Page page = browser.post("/projects/" + product.id() + "/releases", Map.of("version", "1.1", "notes", ""));

            assertThat(page.status()).isEqualTo(403);
            assertThat(node.wiring.products.releases(product.id())).hasSize(1);
        });
    }

    @Test
    void project_post_without_csrf_is_rejected() {
        Product product = node.product("Laptops", "Public");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "planner");

            Browser.Page create = browser.postRaw("/projects", productForm("Phones"));
            Browser.Page release = browser.postRaw("/projects/" + product.id() + "/releases", Map.of("version", "2.0"));

            assertThat(create.status()).isEqualTo(403);
            assertThat(release.status()).isEqualTo(403);
            assertThat(node.wiring.products.listAll()).hasSize(1);
            assertThat(node.wiring.products.releases(product.id())).hasSize(1);
        });
    }

    @Test
    void hostile_product_text_renders_as_text() {
        String hostile = "\"><img src=x onerror=alert(1)>";
        Product product = node.wiring.products.create(node.admin(), new ProductForm(hostile, "<script>alert(1)</script>", hostile, "Public", ""));
        node.wiring.products.addRelease(node.admin(), product.id(), "<script>x</script>", hostile);
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");

            for (String path : new String[] {"/projects", "/projects/" + product.id(), "/tickets/new", "/tickets/new?product=" + product.id()}) {
                Document page = Jsoup.parse(browser.get(path).body());

                assertThat(page.select("img")).as("images on %s", path).isEmpty();
                assertThat(page.select("[onerror]")).as("onerror attributes on %s", path).isEmpty();
                assertThat(page.select("script:not([src])")).as("inline scripts on %s", path).isEmpty();
            }
            assertThat(Jsoup.parse(browser.get("/projects/" + product.id()).body()).select("h1").text()).isEqualTo(hostile);
        });
    }

    @Test
    void hidden_product_page_is_404() {
        Product product = node.product("Servers", "Restricted");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");

            Browser.Page page = browser.get("/projects/" + product.id());
            Document list = Jsoup.parse(browser.get("/projects").body());

            assertThat(page.status()).isEqualTo(404);
            assertThat(list.text()).doesNotContain("Servers");
        });
    }

    private static Map<String, String> productForm(String name) {
        return Map.of("name", name, "model", "", "description", "", "visibility", "Public", "firstRelease", "1.0");
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        return browser;
    }
}
