package org.nodepoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.testing.TestNodePoint;

/**
 * The 1 MB request limit holds for multipart bodies too, for every client, so no one can make the
 * server spool large uploads to disk.
 */
class RequestLimitTest {
    private static final int TWO_MEGABYTES = 2_000_000;

    @TempDir
    Path folder;

    @Test
    void multipart_body_over_limit_rejected() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                String head = "--B\r\nContent-Disposition: form-data; name=\"api\"\r\n\r\nlist_products\r\n"
                        + "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.bin\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n";
                String body = head + "A".repeat(TWO_MEGABYTES) + "\r\n--B--\r\n";
                HttpResponse<String> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(client.getOrigin() + "/nodepoint/"))
                                .header("Content-Type", "multipart/form-data; boundary=B")
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(413);
            });
        }
    }
}
