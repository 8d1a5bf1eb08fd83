package org.nodepoint.uploads;

/**
 * A file attached to a ticket, through a comment ({@code commentId}) or, when that is null,
 * through the ticket itself, such as a custom form's file field. {@code contentType} is the type
 * that the file's leading bytes show; downloads are always sent as application/octet-stream.
 */
public record Attachment(long id, long ticketId, Long commentId, String originalName, String storedName, long sizeBytes,
        String contentType, String sha256, long uploadedBy, long createdAt) {

    public String sizeText() {
        return FileSize.format(sizeBytes);
    }
}
