package org.nodepoint.uploads;

import java.util.Set;

/**
 * The upload rules of one viewer for a file input: whether they may upload at all (upload_lvl),
 * the maximum size of each file (max_size) and the allowed extensions (upload_exts, empty for any).
 */
public record UploadLimits(boolean canUpload, long maxBytes, Set<String> extensions) {

    public String maxSizeText() {
        return FileSize.format(maxBytes);
    }

    public String extensionsText() {
        return String.join(", ", extensions);
    }

    /** Returns the value of the file input's accept attribute: the allowed extensions with dots, or null for any file. */
    public String acceptAttribute() {
        return extensions.isEmpty() ? null : String.join(",", extensions.stream().map(extension -> "." + extension).toList());
    }
}
