package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.Release;
import org.nodepoint.testing.TestNodePoint;

/**
 * The add_release call. Parameters are checked in the order release_id, product_id, notes, key;
 * unlike NodePoint 1.x, the product must exist and a version may not repeat within a product.
 */
class AddReleaseApiTest {
    /** Stands for the id of the product that each test creates first. */
    private static final String PRODUCT = "$product";

    @TempDir
    Path folder;

    @Test
    void release_is_added_to_product() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            String expected = "{\n \"message\": \"Release added.\",\n \"status\": \"OK\"\n}\n";
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/nodepoint/", "api", "add_release", "key", WRITE_KEY,
                        "product_id", String.valueOf(product.id()), "release_id", "2.0", "notes", "Faster boot");

                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
                Release added = node.wiring.products.releases(product.id()).get(1);
                assertThat(added.version()).isEqualTo("2.0");
                assertThat(added.notes()).isEqualTo("Faster boot");
                assertThat(added.createdByName()).isEqualTo("api");
            });
        }
    }

    @Test
    void added_release_appears_in_products_list() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                api.get("/", "api", "add_release", "key", WRITE_KEY, "product_id", String.valueOf(product.id()),
                        "release_id", "2.0", "notes", "Line one\nLine \"two\"");
                JsonNode releases = api.get("/", "api", "list_products", "key", READ_KEY).json()
                        .path("products").get(0).path("releases");

                assertThat(releases).hasSize(2);
                assertThat(releases.get(1).path("user").asText()).isEqualTo("api");
                assertThat(releases.get(1).path("version").asText()).isEqualTo("2.0");
                assertThat(releases.get(1).path("note").asText()).isEqualTo("Line one\nLine \"two\"");
            });
        }
    }

    @Test
    void release_of_archived_product_is_added() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Old laptops", "Archived");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "add_release", "key", WRITE_KEY,
                        "product_id", String.valueOf(product.id()), "release_id", "9.9", "notes", "Last one");

                assertThat(response.statusCode()).isEqualTo("OK");
                assertThat(node.wiring.products.releases(product.id())).extracting(Release::version).containsExactly("1.0", "9.9");
            });
        }
    }

    static Stream<Arguments> invalidRequests() {
        String longVersion = "v".repeat(51);
        String longNotes = "n".repeat(2_001);
        return Stream.of(
                Arguments.of("nothing", List.of(), "Missing 'release_id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("empty release", List.of("release_id", "", "product_id", PRODUCT, "notes", "N", "key", WRITE_KEY),
                        "Missing 'release_id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("zero release", List.of("release_id", "0", "product_id", PRODUCT, "notes", "N", "key", WRITE_KEY),
                        "Missing 'release_id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("release only", List.of("release_id", "2.0"), "Missing 'product_id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("zero product", List.of("release_id", "2.0", "product_id", "0", "notes", "N", "key", WRITE_KEY),
                        "Missing 'product_id' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("no notes", List.of("release_id", "2.0", "product_id", PRODUCT), "Missing 'notes' argument.",
                        "ERR_MISSING_ARGUMENT"),
                Arguments.of("empty notes", List.of("release_id", "2.0", "product_id", PRODUCT, "notes", "", "key", WRITE_KEY),
                        "Missing 'notes' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("no key", List.of("release_id", "2.0", "product_id", PRODUCT, "notes", "N"), "Missing 'key' argument.",
                        "ERR_MISSING_ARGUMENT"),
                Arguments.of("wrong key", List.of("release_id", "2.0", "product_id", PRODUCT, "notes", "N", "key", "wrong"),
                        "Invalid 'key' value.", "ERR_INVALID_KEY"),
                Arguments.of("read key", List.of("release_id", "2.0", "product_id", PRODUCT, "notes", "N", "key", READ_KEY),
                        "Invalid 'key' value.", "ERR_INVALID_KEY"),
                Arguments.of("unknown product before key", List.of("release_id", "2.0", "product_id", "999", "notes", "N"),
                        "Missing 'key' argument.", "ERR_MISSING_ARGUMENT"),
                Arguments.of("unknown product", List.of("release_id", "2.0", "product_id", "999", "notes", "N", "key", WRITE_KEY),
                        "Invalid 'product_id' value.", "ERR_INVALID_PRODUCT_ID"),
                Arguments.of("product not a number", List.of("release_id", "2.0", "product_id", "abc", "notes", "N", "key", WRITE_KEY),
                        "Invalid 'product_id' value.", "ERR_INVALID_PRODUCT_ID"),
                Arguments.of("duplicate version", List.of("release_id", "1.0", "product_id", PRODUCT, "notes", "N", "key", WRITE_KEY),
                        "Invalid 'release_id' value.", "ERR_INVALID_ARGUMENT"),
                Arguments.of("blank version", List.of("release_id", "   ", "product_id", PRODUCT, "notes", "N", "key", WRITE_KEY),
                        "Bad length for 'release_id' argument (between 1 and 50 characters).", "ERR_ARGUMENT_LENGTH"),
                Arguments.of("control characters as version", List.of("release_id", "\u0001\u0007", "product_id", PRODUCT, "notes", "N",
                        "key", WRITE_KEY), "Bad length for 'release_id' argument (between 1 and 50 characters).", "ERR_ARGUMENT_LENGTH"),
                Arguments.of("zero-width space as version", List.of("release_id", "\u200B", "product_id", PRODUCT, "notes", "N",
                        "key", WRITE_KEY), "Bad length for 'release_id' argument (between 1 and 50 characters).", "ERR_ARGUMENT_LENGTH"),
                Arguments.of("long version", List.of("release_id", longVersion, "product_id", PRODUCT, "notes", "N", "key", WRITE_KEY),
                        "Bad length for 'release_id' argument (between 1 and 50 characters).", "ERR_ARGUMENT_LENGTH"),
                Arguments.of("long notes", List.of("release_id", "2.0", "product_id", PRODUCT, "notes", longNotes, "key", WRITE_KEY),
                        "Bad length for 'notes' argument (at most 2000 characters).", "ERR_ARGUMENT_LENGTH"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalid_request_adds_nothing(String label, List<String> parameters, String message, String code) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Laptops", "Public");
            List<String> request = new ArrayList<>(List.of("api", "add_release"));
            parameters.forEach(value -> request.add(value.equals(PRODUCT) ? String.valueOf(product.id()) : value));
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/nodepoint/", request.toArray(String[]::new));

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.message()).isEqualTo(message);
                assertThat(response.statusCode()).isEqualTo(code);
                assertThat(node.wiring.products.releases(product.id())).extracting(Release::version).containsExactly("1.0");
            });
        }
    }
}
