package org.nodepoint.legacyimport;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.nodepoint.uploads.StoredFile;
import org.nodepoint.users.SecretTokens;

/**
 * Imports 1.x's shared files (table files) and their download log (table file_access). File ids
 * stay the 1.x rowids. Each file gets a new random link token that no one has yet, because 1.x
 * links named the file on disk. The Files page makes a new link for a file.
 */
final class FileImport {
    private FileImport() {
    }

    static void run(ImportContext context) throws SQLException {
        Map<String, Long> idsByLegacyName = new HashMap<>();
        context.each("files", (row, report) -> importFile(context, row, report, idsByLegacyName));
        context.each("file_access", (row, report) -> importDownload(context, row, report, idsByLegacyName));
    }

    private static void importFile(ImportContext context, LegacyRow row, TableReport report, Map<String, Long> idsByLegacyName) {
        String legacyName = row.raw("file").strip();
        String originalName = LegacyNames.fileName(row.text("filename"), "file");
        long uploadedBy = context.users.resolve(row.raw("user"), context.report(UserIds.PLACEHOLDERS));
        long uploadedAt = context.requiredTime(row, "time", report);
        Optional<StoredFile> stored = context.uploads.copy(legacyName, originalName);
        if (stored.isEmpty()) {
            report.skip(context.uploads.reasonNotFound(legacyName));
            return;
        }
        context.handle.createUpdate("INSERT INTO shared_files (id, token_hash, stored_name, original_name, size_bytes, sha256, uploaded_by, uploaded_at) "
                        + "VALUES (:id, :token, :stored, :name, :size, :sha256, :by, :at)")
                .bind("id", row.rowid()).bind("token", SecretTokens.hash(SecretTokens.generate()))
                .bind("stored", stored.get().storedName()).bind("name", originalName)
                .bind("size", stored.get().size()).bind("sha256", stored.get().sha256())
                .bind("by", uploadedBy).bind("at", uploadedAt)
                .execute();
        idsByLegacyName.put(legacyName, row.rowid());
        report.imported();
        reportNameRepair(row, originalName, report);
    }

    static void reportNameRepair(LegacyRow row, String storedName, TableReport report) {
        String repair = LegacyNames.fileNameRepair(row.text("filename"), storedName);
        if (repair != null) {
            report.repair(repair);
        }
    }

    private static void importDownload(ImportContext context, LegacyRow row, TableReport report, Map<String, Long> idsByLegacyName) {
        Long file = idsByLegacyName.get(row.raw("file").strip());
        if (file == null) {
            report.skip("the file was not imported");
            return;
        }
        context.handle.createUpdate("INSERT INTO file_downloads (file_id, address, user_id, downloaded_at) VALUES (:file, :address, NULL, :at)")
                .bind("file", file).bind("address", row.raw("ip").strip())
                .bind("at", context.requiredTime(row, "time", report))
                .execute();
        report.imported();
    }
}
