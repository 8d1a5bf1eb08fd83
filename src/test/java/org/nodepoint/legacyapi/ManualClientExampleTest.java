package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;

/**
 * Replays the client pattern of the NodePoint 1.5.6 manual's Python example: a urlencoded POST to
 * /nodepoint/, the body decoded with the charset named in Content-Type (UTF-8 when none is
 * named), then a JSON parse and a walk over the list.
 */
class ManualClientExampleTest {
    @TempDir
    Path folder;

    @Test
    void python_style_client_reads_lists() throws Exception {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Café machines", "Public");
            node.product("Printers", "Restricted");
            node.ticket(node.admin(), product, "Grinder jams – again", "Beans stuck");
            node.ticket(node.admin(), product, "Milk frother is loud", "Since the update");
            node.http((server, client) -> {
                String url = client.getOrigin() + "/nodepoint/";
                Map<String, String> productsForm = new LinkedHashMap<>();
                productsForm.put("api", "list_products");
                productsForm.put("key", READ_KEY);
                Map<String, String> ticketsForm = new LinkedHashMap<>();
                ticketsForm.put("api", "list_tickets");
                ticketsForm.put("product_id", String.valueOf(product.id()));
                ticketsForm.put("key", READ_KEY);

                JsonNode products = postLikePython(url, productsForm);
                JsonNode tickets = postLikePython(url, ticketsForm);

                assertThat(names(products.path("products"), "name")).containsExactly("Café machines", "Printers");
                assertThat(names(tickets.path("tickets"), "title")).containsExactly("Grinder jams – again", "Milk frother is loud");
            });
        }
    }

    /** Posts the form as urllib.request.urlopen(url, data) does and decodes the body as the example does. */
    private static JsonNode postLikePython(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII))
                .build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());

        String charsetName = response.headers().firstValue("Content-Type").stream()
                .flatMap(value -> List.of(value.split(";")).stream())
                .map(String::strip)
                .filter(parameter -> parameter.toLowerCase().startsWith("charset="))
                .map(parameter -> parameter.substring("charset=".length()))
                .findFirst().orElse("utf8");
        return ApiClient.JSON.readTree(new String(response.body(), Charset.forName(charsetName)));
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }
}
