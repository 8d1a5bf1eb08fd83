package org.nodepoint.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A multipart/form-data body for route tests that upload files, built as browsers build it: each
 * file name in quotes, with a double quote, CR and LF percent-encoded (HTML's multipart/form-data
 * encoding) and every other character as UTF-8.
 */
public final class MultipartForm {
    public static final String BOUNDARY = "NodePointTestBoundary7MA4YWxkTrZu0gW";

    private record Part(byte[] headers, byte[] content) {
    }

    private final List<Part> parts = new ArrayList<>();

    public MultipartForm field(String name, String value) {
        String headers = "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n";
        parts.add(new Part(headers.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public MultipartForm file(String field, String fileName, byte[] content) {
        return file(field, fileName.getBytes(StandardCharsets.UTF_8), content);
    }

    /** Adds a file whose name is these bytes, which need not be valid UTF-8, escaped as a browser escapes them. */
    public MultipartForm file(String field, byte[] fileName, byte[] content) {
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        for (byte b : fileName) {
            switch (b) {
                case '"' -> escaped.writeBytes("%22".getBytes(StandardCharsets.US_ASCII));
                case '\r' -> escaped.writeBytes("%0D".getBytes(StandardCharsets.US_ASCII));
                case '\n' -> escaped.writeBytes("%0A".getBytes(StandardCharsets.US_ASCII));
                default -> escaped.write(b);
            }
        }
        return fileWithRawName(field, escaped.toByteArray(), content);
    }

    /** Adds a file whose filename parameter is exactly these bytes between the quotes, as a hostile client may send it. */
    public MultipartForm fileWithRawName(String field, byte[] rawName, byte[] content) {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        headers.writeBytes(("Content-Disposition: form-data; name=\"" + field + "\"; filename=\"").getBytes(StandardCharsets.UTF_8));
        headers.writeBytes(rawName);
        // The declared type is a lie on purpose: the server must ignore it.
        headers.writeBytes("\"\r\nContent-Type: text/html\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        parts.add(new Part(headers.toByteArray(), content));
        return this;
    }

    /** Returns a copy with one more text field in front, where a browser puts a form's hidden CSRF field. */
    public MultipartForm withFirstField(String name, String value) {
        MultipartForm copy = new MultipartForm().field(name, value);
        copy.parts.addAll(parts);
        return copy;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            body.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(part.headers());
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }
}
