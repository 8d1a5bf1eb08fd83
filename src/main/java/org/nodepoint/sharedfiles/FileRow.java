package org.nodepoint.sharedfiles;

/** A row of the Files page: the file and whether the viewer may delete it and give it a new link. */
public record FileRow(SharedFile file, boolean canManage) {
}
