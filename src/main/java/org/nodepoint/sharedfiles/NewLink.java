package org.nodepoint.sharedfiles;

/**
 * The download link of a file, shown once after an upload or a relink because only the hash of
 * its token is stored. {@code path} starts with a slash, and {@code url} adds public_url in front when it is set.
 */
public record NewLink(long fileId, String fileName, String path, String url) {
}
