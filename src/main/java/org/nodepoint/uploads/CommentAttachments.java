package org.nodepoint.uploads;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files of one ticket for its page, by comment id, plus the files of the ticket itself, and
 * what the viewer may attach to a new comment: whether at all, how many files and how large.
 */
public record CommentAttachments(Map<Long, List<Attachment>> byComment, List<Attachment> ofTicket, boolean canUpload, int maxFiles,
        long maxBytes, Set<String> extensions) {

    public List<Attachment> ofComment(long commentId) {
        return byComment.getOrDefault(commentId, List.of());
    }

    public String maxSizeText() {
        return FileSize.format(maxBytes);
    }

    public String extensionsText() {
        return String.join(", ", extensions);
    }

    /** Returns the value of the file input's accept attribute: the allowed extensions with dots, or "" for any file. */
    public String acceptAttribute() {
        return String.join(",", extensions.stream().map(extension -> "." + extension).toList());
    }
}
