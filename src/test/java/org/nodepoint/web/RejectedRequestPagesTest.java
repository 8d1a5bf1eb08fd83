package org.nodepoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.testing.TestNodePoint;

/**
 * Requests that Jetty rejects before any route runs get a one-line plain-text response with the
 * protective headers of every other page, and the response never contains the request's text.
 */
class RejectedRequestPagesTest {
    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "undecodable path|GET /%zz<script> HTTP/1.1|0|400 Bad Request",
        "path over the limit|GET /LONG HTTP/1.1|0|414 URI Too Long",
        "headers over the limit|GET / HTTP/1.1|1|431 Request Header Fields Too Large"
    })
    void rejected_request_gets_protected_plain_text(String name, String requestLine, int bigHeader, String status) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                String line = requestLine.replace("LONG", "a".repeat(20_000));
                String extra = bigHeader == 1 ? "X-Filler: " + "b".repeat(20_000) + "\r\n" : "";

                String response = send(URI.create(client.getOrigin()), line + "\r\nHost: localhost\r\n" + extra + "Connection: close\r\n\r\n");

                String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
                String body = response.substring(response.indexOf("\r\n\r\n") + 4);
                assertThat(response).startsWith("HTTP/1.1 " + status);
                assertThat(head).contains("content-type: text/plain; charset=utf-8", "x-content-type-options: nosniff",
                        "x-frame-options: deny", "content-security-policy: default-src 'none'");
                assertThat(body).isEqualTo(status + "\n");
            });
        }
    }

    private static String send(URI origin, String request) throws IOException {
        try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
