package org.nodepoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;

class StaticAssetsTest {
    @TempDir
    Path folder;

    @Test
    void own_stylesheet_has_short_caching() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser.Page css = new Browser(client.getOrigin()).get("/static/css/nodepoint.css");

                assertThat(css.status()).isEqualTo(200);
                assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
                assertThat(css.headers().firstValue("Cache-Control")).hasValue("max-age=3600");
                assertThat(css.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
                assertThat(css.body()).contains(".ticket-description");
            });
        }
    }

    @Test
    void webjar_script_is_immutable() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser.Page script = new Browser(client.getOrigin()).get(Chrome.BOOTSTRAP + "/js/bootstrap.bundle.min.js");

                assertThat(script.status()).isEqualTo(200);
                assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
                assertThat(script.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, immutable");
                assertThat(script.body()).contains("Bootstrap");
            });
        }
    }

    @Test
    void matching_etag_gives_304() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                HttpClient http = HttpClient.newHttpClient();
                URI uri = URI.create(client.getOrigin() + "/static/css/nodepoint.css");
                HttpResponse<String> first = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                String etag = first.headers().firstValue("ETag").orElseThrow();

                HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> stale = http.send(HttpRequest.newBuilder(uri).header("If-None-Match", "\"0-0\"").build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(again.statusCode()).isEqualTo(304);
                assertThat(again.body()).isEmpty();
                assertThat(stale.statusCode()).isEqualTo(200);
                assertThat(stale.body()).isEqualTo(first.body());
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/static/css/missing.css", "/static/nodepoint.cfg", "/static/../logback.xml", "/static/%2e%2e/logback.xml",
        "/static/css/..%2F..%2Flogback.xml", "/webjars/../../org/nodepoint/Wiring.class", "/webjars/bootstrap/5.3.8/css",
        "/webjars/bootstrap/5.3.8/css/", "/static/.hidden.css", "/webjars/%2Fetc%2Fpasswd.txt", "/static/css\\nodepoint.css"})
    void unsafe_or_unknown_path_is_not_found(String path) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                HttpResponse<String> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(client.getOrigin() + path.replace("\\", "%5C"))).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isIn(400, 404);
                assertThat(response.body()).doesNotContain("<configuration").doesNotContain("root:");
            });
        }
    }
}
