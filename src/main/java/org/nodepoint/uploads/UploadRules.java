package org.nodepoint.uploads;

import java.util.List;
import java.util.Set;
import org.nodepoint.config.Settings;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.users.Viewer;

/**
 * The checks every upload passes before anything is written: the upload_lvl level, the number of
 * files, max_size per file and the upload_exts allow-list. The list is compared exactly with the
 * final extension in lower case, so "pdf" admits {@code a.PDF} but neither {@code a.pd} nor a
 * name without an extension.
 */
final class UploadRules {
    /** The maximum number of files in one request, such as one comment. */
    static final int MAX_FILES = 5;

    private UploadRules() {
    }

    static void requireUploadLevel(Viewer viewer, Settings settings) {
        if (!viewer.hasLevel(settings.uploadLevel())) {
            throw new ForbiddenException("uploads.forbidden");
        }
    }

    /** Adds an error for {@code field} when the files break a rule. The message names the file and the limit. */
    static void check(String field, List<IncomingFile> files, Settings settings, boolean checkExtensions, FieldErrors errors) {
        if (files.size() > MAX_FILES) {
            errors.add(field, "uploads.count", MAX_FILES, files.size());
            return;
        }
        long maxBytes = settings.maxUploadBytes();
        Set<String> extensions = checkExtensions ? settings.uploadExtensions() : Set.of();
        for (IncomingFile file : files) {
            String name = FileNames.clean(file.submittedName());
            if (file.size() > maxBytes) {
                errors.add(field, "uploads.size", name, FileSize.exact(file.size()), FileSize.exact(maxBytes), FileSize.format(maxBytes));
                return;
            }
            String extension = FileNames.extension(name);
            if (!extensions.isEmpty() && !extensions.contains(extension)) {
                String allowed = String.join(", ", extensions);
                if (extension.isEmpty()) {
                    errors.add(field, "uploads.extension.missing", name, allowed);
                } else {
                    errors.add(field, "uploads.extension", name, extension, allowed);
                }
                return;
            }
        }
    }
}
