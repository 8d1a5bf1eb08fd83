package org.nodepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;

class SmokeTest {
    @TempDir
    Path folder;

    @Test
    void admin_signs_in_and_files_a_ticket() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            var product = node.product("Laptops", "Public");
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());

                assertThat(browser.signIn("admin", TestNodePoint.ADMIN_PASSWORD).status()).isEqualTo(302);
                browser.get("/tickets/new?product=" + product.id());
                var created = browser.post("/tickets", java.util.Map.of("productId", String.valueOf(product.id()),
                        "title", "Screen flickers", "description", "Since this morning", "priority", "High", "release", ""));

                assertThat(created.status()).isEqualTo(302);
                var page = browser.get(created.location());
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.body()).contains("Screen flickers");
            });
        }
    }

    @Test
    void stylesheets_and_scripts_are_served() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());

                var bootstrapCss = browser.get(org.nodepoint.web.Chrome.BOOTSTRAP + "/css/bootstrap.min.css");
                var bootstrapJs = browser.get(org.nodepoint.web.Chrome.BOOTSTRAP + "/js/bootstrap.bundle.min.js");
                var ownCss = browser.get("/static/css/nodepoint.css");

                assertThat(bootstrapCss.status()).isEqualTo(200);
                assertThat(bootstrapCss.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
                assertThat(bootstrapJs.status()).isEqualTo(200);
                assertThat(ownCss.status()).isEqualTo(200);
                assertThat(ownCss.body()).contains(".ticket-description");
            });
        }
    }
}
