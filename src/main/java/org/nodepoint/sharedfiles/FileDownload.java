package org.nodepoint.sharedfiles;

/**
 * One entry of the download log: which file, from which client address, by which user (null for
 * a client that was not signed in) and when, in epoch milliseconds.
 */
public record FileDownload(long id, long fileId, String fileName, String address, String userName, long downloadedAt) {
}
