package org.nodepoint.sharedfiles;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.uploads.UploadLimits;
import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

/** The Files page: one page of shared files, the upload form when the viewer may upload, and its errors. */
public record SharedFilesPage(Chrome chrome, List<FileRow> rows, Paging paging, UploadLimits limits, boolean canViewLog,
        FieldErrors errors) {
}
