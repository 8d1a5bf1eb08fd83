package org.nodepoint.uploads;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.List;

/** Reads the files of a multipart form field from a request. */
public final class UploadedFiles {
    private UploadedFiles() {
    }

    /**
     * Returns the files of the field, or an empty list when the request is not multipart. A part
     * without a name and without content is what browsers send for a file input left empty, so it
     * is skipped.
     */
    public static List<IncomingFile> of(Context ctx, String field) {
        if (!ctx.isMultipartFormData()) {
            return List.of();
        }
        return ctx.uploadedFiles(field).stream()
                .filter(file -> !(file.filename().isEmpty() && file.size() == 0))
                .map(UploadedFiles::incoming)
                .toList();
    }

    private static IncomingFile incoming(UploadedFile file) {
        return new IncomingFile(file.filename(), file.size(), file::content);
    }
}
