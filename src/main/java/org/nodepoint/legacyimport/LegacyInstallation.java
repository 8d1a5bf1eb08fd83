package org.nodepoint.legacyimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsFile;

/**
 * The files of a NodePoint 1.x installation: nodepoint.cfg in its top folder, and the database and
 * upload folder that the settings name. 1.x resolved db_address and upload_folder against the
 * folder of its CGI script, www/, so the defaults "../db/nodepoint.db" and "../uploads" are
 * siblings of www/. A copied installation may still name the old absolute paths, so when they do
 * not exist the default places in the copied folder are used.
 */
record LegacyInstallation(Path folder, Map<String, String> settings, Path database, Path uploads) {
    static final String DEFAULT_DATABASE = "../db/nodepoint.db";
    static final String DEFAULT_UPLOADS = "../uploads";

    static LegacyInstallation locate(Path folder) throws IOException {
        Path settingsPath = folder.resolve("nodepoint.cfg");
        if (!Files.isRegularFile(settingsPath)) {
            throw new LegacyImportException(folder + " has no nodepoint.cfg; name the folder of the 1.x installation that contains nodepoint.cfg, db/ and www/");
        }
        Map<String, String> settings = new SettingsFile(settingsPath).load();
        Path database = resolve(folder, settings.getOrDefault(Settings.DB_ADDRESS, ""), DEFAULT_DATABASE);
        if (!Files.isRegularFile(database)) {
            throw new LegacyImportException("the 1.x database " + database + " does not exist; db_address in " + settingsPath + " names it");
        }
        Path uploads = null;
        String uploadSetting = settings.get(Settings.UPLOAD_FOLDER);
        if (uploadSetting == null || !uploadSetting.isBlank()) {
            uploads = resolve(folder, uploadSetting == null ? "" : uploadSetting, DEFAULT_UPLOADS);
        }
        return new LegacyInstallation(folder, settings, database, uploads);
    }

    /** Resolves a 1.x path setting; an empty value means the default, and a path that does not exist falls back to the default. */
    private static Path resolve(Path folder, String configured, String defaultPath) {
        Path scriptFolder = folder.resolve("www");
        Path fallback = scriptFolder.resolve(defaultPath).normalize();
        if (configured.isBlank()) {
            return fallback;
        }
        Path named = scriptFolder.resolve(configured.strip()).normalize();
        return Files.exists(named) ? named : fallback;
    }
}
