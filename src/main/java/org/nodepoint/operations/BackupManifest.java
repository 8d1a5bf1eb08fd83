package org.nodepoint.operations;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code manifest.json} entry of a backup archive: what was copied, from which NodePoint and
 * schema version, and the size and SHA-256 of every other entry, so that a restore can prove the
 * archive complete and unchanged.
 *
 * @param formatVersion the layout of the archive, {@link #FORMAT_VERSION} for archives written now
 * @param nodePointVersion the version of the NodePoint that wrote it
 * @param schemaVersion the newest database migration of the copied database
 * @param createdAt when the database copy was taken, as an ISO-8601 instant
 * @param database the entry name of the database copy
 * @param rowCounts rows per table in the database copy
 * @param files every entry of the archive except the manifest itself
 */
public record BackupManifest(int formatVersion, String nodePointVersion, String schemaVersion, String createdAt,
                             String database, Map<String, Long> rowCounts, List<FileEntry> files) {
    public static final int FORMAT_VERSION = 1;
    /** The entry name of the manifest inside the archive. */
    public static final String ENTRY_NAME = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public BackupManifest {
        rowCounts = Collections.unmodifiableMap(new TreeMap<>(rowCounts));
        files = List.copyOf(files);
    }

    /** One archived file: its entry name (a relative path with '/'), its size in bytes and its hex SHA-256. */
    public record FileEntry(String name, long size, String sha256) {
    }

    byte[] toJson() throws IOException {
        return JSON.writeValueAsBytes(this);
    }

    /** Parses a manifest, raising {@link IOException} for text that is not one. */
    static BackupManifest parse(InputStream json) throws IOException {
        BackupManifest manifest = JSON.readValue(json, BackupManifest.class);
        if (manifest.files() == null || manifest.database() == null || manifest.rowCounts() == null) {
            throw new IOException("the manifest is missing its files, database or rowCounts field");
        }
        return manifest;
    }
}
