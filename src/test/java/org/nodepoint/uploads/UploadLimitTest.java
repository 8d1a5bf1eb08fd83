package org.nodepoint.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.uploads.AttachmentRoutesTest.comment;
import static org.nodepoint.uploads.AttachmentRoutesTest.signedIn;
import static org.nodepoint.uploads.UploadTesting.attachmentRows;
import static org.nodepoint.uploads.UploadTesting.commentCount;
import static org.nodepoint.uploads.UploadTesting.sha256;
import static org.nodepoint.uploads.UploadTesting.storedFiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.MultipartForm;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.User;

/** Upload routes take bodies up to max_size plus the form around the files; every other route keeps 1 MB. */
class UploadLimitTest {
    private static final int TWO_MEGABYTES = 2_000_000;

    @TempDir
    Path folder;

    @Test
    void upload_route_accepts_max_size() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.MAX_UPLOAD_SIZE, "2000000"))) {
            long ticket = ticket(node);
            byte[] content = new byte[1_500_000];
            new Random(42).nextBytes(content);
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");

                Browser.Page page = comment(alice, ticket, new MultipartForm().field("comment", "Memory dump")
                        .file("attachments", "dump.bin", content));

                assertThat(page.status()).isEqualTo(302);
                Browser.Download download = alice.download("/attachments/" + attachmentRows(node).get(0).get("id"));
                assertThat(download.header("Content-Length")).isEqualTo("1500000");
                assertThat(sha256(download.body())).isEqualTo(sha256(content));
            });
        }
    }

    @Test
    void other_routes_keep_1mb_limit() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.MAX_UPLOAD_SIZE, "3000000"))) {
            long ticket = ticket(node);
            node.http((server, client) -> {
                String head = "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.bin\"\r\n\r\n";

                Response newForm = sendStart(client.getOrigin(), "/forms", head, TWO_MEGABYTES);
                Response update = sendStart(client.getOrigin(), "/tickets/" + ticket, head, TWO_MEGABYTES);

                assertThat(newForm.status()).isEqualTo(413);
                assertThat(newForm.body()).contains("larger than the server accepts (1 MB)");
                assertThat(update.status()).isEqualTo(413);
            });
        }
    }

    @Test
    void upload_over_limit_names_limit() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.MAX_UPLOAD_SIZE, "1000"))) {
            long ticket = ticket(node);
            node.http((server, client) -> {
                String head = "--B\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"big.bin\"\r\n\r\n";

                Response response = sendStart(client.getOrigin(), "/tickets/" + ticket + "/comments", head, 1000 + 70_000);

                assertThat(response.status()).isEqualTo(413);
                assertThat(response.body()).contains("larger than the limit of 1,000 bytes (1 KB) for all its files together");
                assertThat(commentCount(node)).isZero();
                assertThat(storedFiles(node)).isEmpty();
            });
        }
    }

    @Test
    void upload_without_length_is_rejected() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long ticket = ticket(node);
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                alice.get("/tickets/" + ticket);
                MultipartForm form = new MultipartForm().field("_csrf", alice.csrfToken()).field("comment", "Chunked")
                        .file("attachments", "a.txt", UploadTesting.utf8("chunked body"));
                byte[] body = form.toBytes();

                // An input stream publisher has no known length, so the client sends the body in chunks.
                Browser.Page response = alice.postBody("/tickets/" + ticket + "/comments", form.contentType(),
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

                assertThat(response.status()).isEqualTo(411);
                assertThat(response.body()).contains("Content-Length");
                assertThat(commentCount(node)).isZero();
            });
        }
    }

    @Test
    void malformed_multipart_is_bad_request() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long ticket = ticket(node);
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                alice.get("/tickets/" + ticket);
                String body = "--B\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nno closing boundary";

                Browser.Page response = alice.postBody("/tickets/" + ticket + "/comments", "multipart/form-data; boundary=B",
                        HttpRequest.BodyPublishers.ofString(body));

                assertThat(response.status()).isEqualTo(400);
                assertThat(commentCount(node)).isZero();
            });
        }
    }

    private static long ticket(TestNodePoint node) {
        User alice = node.user("alice", 1);
        Product product = node.product("Printers", "Public");
        return node.ticket(node.viewer(alice), product, "Printer jams", "The printer jams on every page.");
    }

    private record Response(int status, String body) {
    }

    /**
     * Declares a multipart body of {@code head} plus {@code contentBytes} but sends only the head,
     * then reads the response. A client that went on writing the whole body could lose an early
     * 413 when the server closes the connection.
     */
    private static Response sendStart(String origin, String path, String head, int contentBytes) {
        URI address = URI.create(origin);
        long length = head.length() + contentBytes + "\r\n--B--\r\n".length();
        try (Socket socket = new Socket(address.getHost(), address.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + address.getHost() + "\r\nConnection: close\r\n"
                    + "Content-Type: multipart/form-data; boundary=B\r\nContent-Length: " + length + "\r\n\r\n" + head)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            String response = readUntilClosed(socket.getInputStream());
            int status = Integer.parseInt(response.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
            return new Response(status, response.substring(response.indexOf("\r\n\r\n") + 4));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            bytes.write(buffer, 0, read);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
