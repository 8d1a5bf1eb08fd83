package org.nodepoint.uploads;

/**
 * A file saved in the upload folder under {@code storedName}, a random name chosen by the server,
 * with the cleaned name the client gave it, its size in bytes, the hex SHA-256 of its content and
 * the content type that its leading bytes show.
 */
public record StoredFile(String storedName, String originalName, long size, String sha256, String contentType) {
}
