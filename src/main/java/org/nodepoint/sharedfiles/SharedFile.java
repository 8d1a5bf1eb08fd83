package org.nodepoint.sharedfiles;

import org.nodepoint.uploads.FileSize;

/**
 * A shared file that is not deleted: its cleaned original name, size in bytes, uploader and upload
 * time in epoch milliseconds. {@code storedName} is the server-chosen name in the upload folder.
 */
public record SharedFile(long id, String originalName, String storedName, long sizeBytes, long uploadedBy, String uploaderName,
        long uploadedAt) {

    /** Returns the size for people, such as "1.5 MB". */
    public String sizeText() {
        return FileSize.format(sizeBytes);
    }
}
