package org.nodepoint.sharedfiles;

import java.util.List;

/** One page of the download log with the number of entries in all. */
public record DownloadList(List<FileDownload> rows, long total) {
}
