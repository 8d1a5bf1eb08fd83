package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductForm;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** The list_products call: every product with its auto-assignees and releases, read key only. */
class ListProductsApiTest {
    @TempDir
    Path folder;

    @Test
    void products_list_has_exact_layout() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product laptops = node.wiring.products.create(node.admin(),
                    new ProductForm("Laptops", "X1", "Line one\r\nLine two", "Public", "1.0"));
            node.wiring.products.addRelease(node.admin(), laptops.id(), "1.1", "Battery fix");
            Product printers = node.wiring.products.create(node.admin(), new ProductForm("Printers", "", "", "Restricted", ""));
            String expected = """
                    {
                     "message": "Products list.",
                     "status": "OK",
                     "products": [
                      {
                       "id": "%d",
                       "name": "Laptops",
                       "model": "X1",
                       "description": "Line one\\nLine two",
                       "visibility": "Public",
                       "created": "%s",
                       "modified": "Never",
                       "auto_assign": [

                       ],
                       "releases": [
                        {
                          "user": "admin",
                          "version": "1.0",
                          "note": ""
                        },
                        {
                          "user": "admin",
                          "version": "1.1",
                          "note": "Battery fix"
                        }
                       ]
                      },
                      {
                       "id": "%d",
                       "name": "Printers",
                       "model": "",
                       "description": "",
                       "visibility": "Restricted",
                       "created": "%s",
                       "modified": "Never",
                       "auto_assign": [

                       ],
                       "releases": [

                       ]
                      }
                     ]
                    }
                    """.formatted(laptops.id(), ApiClient.ctime(laptops.createdAt()), printers.id(), ApiClient.ctime(printers.createdAt()));
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "list_products", "key", READ_KEY);

                assertThat(response.body()).isEqualTo(expected);
                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
                assertThat(response.json().path("products")).hasSize(2);
            });
        }
    }

    @Test
    void auto_assignees_are_listed_inline() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product laptops = node.wiring.products.create(node.admin(), new ProductForm("Laptops", "", "", "Public", ""));
            for (String name : List.of("uma", "asha")) {
                User user = node.user(name, Level.TICKETS_MANAGEMENT);
                node.wiring.autoAssignees.add(node.viewer(user), laptops.id(), null, Origin.WEB);
            }
            String expected = """
                    {
                     "message": "Products list.",
                     "status": "OK",
                     "products": [
                      {
                       "id": "%d",
                       "name": "Laptops",
                       "model": "",
                       "description": "",
                       "visibility": "Public",
                       "created": "%s",
                       "modified": "Never",
                       "auto_assign": [
                        { "user": "uma" },
                        { "user": "asha" }
                       ],
                       "releases": [

                       ]
                      }
                     ]
                    }
                    """.formatted(laptops.id(), ApiClient.ctime(laptops.createdAt()));
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "list_products", "key", READ_KEY);

                assertThat(response.body()).isEqualTo(expected);
                assertThat(response.json().path("products").get(0).path("auto_assign").get(1).path("user").asText()).isEqualTo("asha");
            });
        }
    }

    @Test
    void empty_products_list_has_exact_layout() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            String expected = "{\n \"message\": \"Products list.\",\n \"status\": \"OK\",\n \"products\": [\n\n ]\n}\n";
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "list_products", "key", READ_KEY);

                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
                assertThat(response.json().path("products").isArray()).isTrue();
                assertThat(response.json().path("products")).isEmpty();
            });
        }
    }

    @Test
    void every_value_is_a_string() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.product("Laptops", "Public");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                JsonNode product = api.get("/", "api", "list_products", "key", READ_KEY).json().path("products").get(0);

                assertThat(product.path("id").isTextual()).isTrue();
                assertThat(product.path("releases").get(0).path("version").isTextual()).isTrue();
            });
        }
    }

    @Test
    void modified_product_shows_its_date() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            Product updated = node.wiring.products.update(node.admin(), product.id(),
                    new ProductForm("Laptops", "X2", "New model", "Private", ""));
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                JsonNode listed = api.get("/", "api", "list_products", "key", READ_KEY).json().path("products").get(0);

                assertThat(listed.path("modified").asText()).isEqualTo(ApiClient.ctime(updated.updatedAt()));
                assertThat(listed.path("model").asText()).isEqualTo("X2");
                assertThat(listed.path("visibility").asText()).isEqualTo("Private");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "no key       | NONE                 | Missing 'key' argument. | ERR_MISSING_ARGUMENT",
        "empty key    | ''                   | Missing 'key' argument. | ERR_MISSING_ARGUMENT",
        "zero key     | 0                    | Missing 'key' argument. | ERR_MISSING_ARGUMENT",
        "wrong key    | wrong                | Invalid 'key' value.    | ERR_INVALID_KEY",
        "write key    | $write               | Invalid 'key' value.    | ERR_INVALID_KEY",
        "key in caps  | $READ                 | Invalid 'key' value.    | ERR_INVALID_KEY",
    })
    void invalid_key_is_rejected(String label, String key, String message, String code) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.product("Laptops", "Public");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = key == null
                        ? api.get("/nodepoint/", "api", "list_products")
                        : api.get("/nodepoint/", "api", "list_products", "key", ApiClient.resolveKey(key));

                assertThat(response.message()).isEqualTo(message);
                assertThat(response.statusCode()).isEqualTo(code);
                assertThat(response.json().has("products")).isFalse();
            });
        }
    }

    @Test
    void unset_read_key_rejects_all() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("api_read", ""))) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "list_products", "key", READ_KEY);

                assertThat(response.statusCode()).isEqualTo("ERR_INVALID_KEY");
            });
        }
    }
}
