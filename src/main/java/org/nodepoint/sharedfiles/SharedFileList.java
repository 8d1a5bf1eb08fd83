package org.nodepoint.sharedfiles;

import java.util.List;

/** One page of shared files with the number of files in all. */
public record SharedFileList(List<SharedFile> rows, long total) {
}
