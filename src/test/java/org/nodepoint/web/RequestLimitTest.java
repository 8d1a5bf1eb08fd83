package org.nodepoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
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

    /**
     * Sends the headers and the start of the body only, then reads the response. A client that went on
     * writing the whole body could lose the early 413 when the server closes the connection.
     */
    @Test
    void multipart_body_over_limit_rejected() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                URI origin = URI.create(client.getOrigin());
                String head = "--B\r\nContent-Disposition: form-data; name=\"api\"\r\n\r\nlist_products\r\n"
                        + "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.bin\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n";
                long length = head.length() + TWO_MEGABYTES + "\r\n--B--\r\n".length();
                try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
                    socket.setSoTimeout(30_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /nodepoint/ HTTP/1.1\r\nHost: " + origin.getHost() + "\r\n"
                            + "Content-Type: multipart/form-data; boundary=B\r\nContent-Length: " + length + "\r\n\r\n" + head)
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();

                    assertThat(statusLine).startsWith("HTTP/1.1 413");
                }
            });
        }
    }
}
