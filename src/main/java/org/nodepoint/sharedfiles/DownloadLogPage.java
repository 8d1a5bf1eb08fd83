package org.nodepoint.sharedfiles;

import java.util.List;
import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

/** The download log page for level 5: one page of downloads, newest first. */
public record DownloadLogPage(Chrome chrome, List<FileDownload> rows, Paging paging) {
}
