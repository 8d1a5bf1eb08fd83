package org.nodepoint.uploads;

import java.io.InputStream;

/** An open product image for a response: its content type, size in bytes, SHA-256 (the ETag) and content, which the caller closes. */
public record ImageDownload(String contentType, long size, String sha256, InputStream content) {
}
