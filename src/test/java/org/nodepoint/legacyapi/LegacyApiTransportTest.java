package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.web.WebApp;

/** What every legacy API call shares: paths, GET and POST, the envelope, keys, cookies and CSRF. */
class LegacyApiTransportTest {
    private static final String UNKNOWN_CALL_BODY = """
            {
             "message": "Invalid 'api' value. See the manual for valid values.",
             "status": "ERR_INVALID_API"
            }
            """;

    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({
        "GET, /",
        "GET, /nodepoint",
        "GET, /nodepoint/",
        "GET, /nodepoint/nodepoint.cgi",
        "POST, /",
        "POST, /nodepoint",
        "POST, /nodepoint/",
        "POST, /nodepoint/nodepoint.cgi",
    })
    void call_answers_on_every_path(String method, String path) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.product("Laptops", "Public");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = method.equals("GET")
                        ? api.get(path, "api", "list_products", "key", READ_KEY)
                        : api.post(path, "api", "list_products", "key", READ_KEY);

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.mediaType()).isEqualTo("text/plain");
                assertThat(response.charset()).isEqualTo("utf-8");
                assertThat(response.message()).isEqualTo("Products list.");
                assertThat(response.statusCode()).isEqualTo("OK");
                assertThat(response.json().path("products").get(0).path("name").asText()).isEqualTo("Laptops");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void error_is_http_200_plain_text(String method) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = method.equals("GET")
                        ? api.get("/nodepoint/", "api", "list_products", "key", "wrong")
                        : api.post("/nodepoint/", "api", "list_products", "key", "wrong");

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.mediaType()).isEqualTo("text/plain");
                assertThat(response.charset()).isEqualTo("utf-8");
                assertThat(response.message()).isEqualTo("Invalid 'key' value.");
                assertThat(response.statusCode()).isEqualTo("ERR_INVALID_KEY");
            });
        }
    }

    @Test
    void unknown_call_returns_exact_envelope() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "list_everything", "key", READ_KEY);

                assertThat(response.bytes()).isEqualTo(UNKNOWN_CALL_BODY.getBytes(StandardCharsets.UTF_8));
                assertThat(response.json().size()).isEqualTo(2);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"LIST_PRODUCTS", "List_products", " list_products", "list_products "})
    void call_name_must_match_exactly(String name) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", name, "key", READ_KEY);

                assertThat(response.message()).isEqualTo("Invalid 'api' value. See the manual for valid values.");
                assertThat(response.statusCode()).isEqualTo("ERR_INVALID_API");
            });
        }
    }

    @Test
    void unknown_call_is_checked_before_key() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "drop_tables");

                assertThat(response.statusCode()).isEqualTo("ERR_INVALID_API");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/?api=", "/?API=list_products&key=" + READ_KEY})
    void get_without_api_shows_home_page(String pathAndQuery) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.getRaw(pathAndQuery);

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.contentType()).startsWith("text/html");
                assertThat(response.body()).doesNotContain("\"status\"");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nodepoint/", "/nodepoint/nodepoint.cgi"})
    void legacy_path_without_api_redirects_home(String path) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.getRaw(path);

                assertThat(response.status()).isEqualTo(302);
                assertThat(response.headers().firstValue("Location")).hasValue("/");
            });
        }
    }

    @Test
    void post_ignores_call_in_query_string() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.postBody("/nodepoint/?api=list_products&key=" + READ_KEY, "");

                assertThat(response.message()).isEqualTo("Invalid 'api' value. See the manual for valid values.");
                assertThat(response.statusCode()).isEqualTo("ERR_INVALID_API");
            });
        }
    }

    @Test
    void post_ignores_key_in_query_string() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.postBody("/nodepoint/?key=" + READ_KEY, "api=list_products");

                assertThat(response.message()).isEqualTo("Missing 'key' argument.");
                assertThat(response.statusCode()).isEqualTo("ERR_MISSING_ARGUMENT");
            });
        }
    }

    @Test
    void post_body_wins_over_query_string() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.postBody("/nodepoint/?api=drop_tables&key=wrong",
                        "api=list_products&key=" + READ_KEY);

                assertThat(response.message()).isEqualTo("Products list.");
                assertThat(response.statusCode()).isEqualTo("OK");
            });
        }
    }

    @Test
    void get_accepts_write_calls() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "add_release", "key", WRITE_KEY,
                        "product_id", String.valueOf(product.id()), "release_id", "2.0", "notes", "Spring update");

                assertThat(response.message()).isEqualTo("Release added.");
                assertThat(node.wiring.products.releases(product.id())).extracting("version").contains("2.0");
            });
        }
    }

    @Test
    void repeated_parameter_takes_first_value() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product laptops = node.product("Laptops", "Public");
            Product phones = node.product("Phones", "Public");
            node.ticket(node.admin(), laptops, "Laptop ticket", "Text");
            node.ticket(node.admin(), phones, "Phone ticket", "Text");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "list_tickets", "api", "drop_tables",
                        "product_id", String.valueOf(laptops.id()), "product_id", String.valueOf(phones.id()),
                        "key", READ_KEY, "key", "wrong");

                assertThat(response.statusCode()).isEqualTo("OK");
                assertThat(response.json().path("tickets")).hasSize(1);
                assertThat(response.json().path("tickets").get(0).path("title").asText()).isEqualTo("Laptop ticket");
            });
        }
    }

    @Test
    void repeated_key_rejects_wrong_first_value() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "list_products", "key", "wrong", "key", READ_KEY);

                assertThat(response.statusCode()).isEqualTo("ERR_INVALID_KEY");
            });
        }
    }

    @Test
    void parameter_names_are_case_sensitive() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "list_products", "KEY", READ_KEY);

                assertThat(response.message()).isEqualTo("Missing 'key' argument.");
                assertThat(response.statusCode()).isEqualTo("ERR_MISSING_ARGUMENT");
            });
        }
    }

    @Test
    void session_cookie_does_not_replace_key() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                String cookie = browser.signIn("admin", TestNodePoint.ADMIN_PASSWORD).headers().allValues("Set-Cookie").stream()
                        .filter(value -> value.startsWith(WebApp.SESSION_COOKIE + "="))
                        .map(value -> value.substring(0, value.indexOf(';')))
                        .findFirst().orElseThrow();
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.send(HttpRequest.newBuilder(URI.create(client.getOrigin() + "/nodepoint/?api=list_products"))
                        .header("Cookie", cookie).GET());

                assertThat(response.message()).isEqualTo("Missing 'key' argument.");
                assertThat(response.statusCode()).isEqualTo("ERR_MISSING_ARGUMENT");
            });
        }
    }

    @Test
    void broken_session_cookie_is_ignored() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.send(HttpRequest.newBuilder(
                                URI.create(client.getOrigin() + "/nodepoint/?api=list_products&key=" + READ_KEY))
                        .header("Cookie", WebApp.SESSION_COOKIE + "=not-a-session; np_key=x; np_name=admin").GET());

                assertThat(response.statusCode()).isEqualTo("OK");
                assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
            });
        }
    }

    @Test
    void write_post_needs_no_csrf_token() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            long ticket = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                browser.signIn("admin", TestNodePoint.ADMIN_PASSWORD);

                Browser.Page page = browser.postRaw("/nodepoint/", Map.of("api", "add_comment", "key", WRITE_KEY,
                        "id", String.valueOf(ticket), "comment", "Sent without a CSRF token"));

                assertThat(page.status()).isEqualTo(200);
                assertThat(ApiClient.JSON.readTree(page.body()).path("status").asText()).isEqualTo("OK");
                assertThat(node.wiring.tickets.show(node.admin(), ticket).comments()).extracting("body")
                        .containsExactly("Sent without a CSRF token");
            });
        }
    }

    @Test
    void unconfigured_node_still_answers_api() {
        try (TestNodePoint node = TestNodePoint.unconfigured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "list_products", "key", "anything");

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.statusCode()).isEqualTo("ERR_INVALID_KEY");
            });
        }
    }
}
