package org.nodepoint.uploads;

import java.util.List;
import java.util.Map;

/**
 * The files of one ticket for its page, by comment id, plus the files of the ticket itself, and
 * what the viewer may attach to a new comment: whether at all, how many files and how large.
 */
public record CommentAttachments(Map<Long, List<Attachment>> byComment, List<Attachment> ofTicket, int maxFiles, UploadLimits limits) {

    public List<Attachment> ofComment(long commentId) {
        return byComment.getOrDefault(commentId, List.of());
    }
}
