package org.nodepoint.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nodepoint.Wiring;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsFile;

/**
 * The paths of nodepoint.cfg, the database and the upload folder of one data folder, and the
 * relative entry names that a backup archive uses for them.
 */
record DataFolderLayout(Path folder, Settings settings, Path database, Path uploads) {
    static final String SETTINGS_ENTRY = "nodepoint.cfg";

    /** Reads nodepoint.cfg of the folder, raising a {@link BackupException} when it is missing or unreadable. */
    static DataFolderLayout of(Path dataFolder) throws BackupException {
        Path folder = dataFolder.toAbsolutePath().normalize();
        Path settingsFile = Wiring.settingsFile(folder);
        if (!Files.isRegularFile(settingsFile)) {
            throw new BackupException(folder + " is not a NodePoint data folder: nodepoint.cfg is missing");
        }
        Settings settings;
        try {
            settings = new Settings(new SettingsFile(settingsFile).load());
        } catch (IOException failure) {
            throw new BackupException("Failed to read " + settingsFile + ": " + failure.getMessage(), failure);
        }
        Path database = Wiring.databaseFile(folder, settings).toAbsolutePath().normalize();
        Path uploads = Wiring.uploadFolderPath(folder, settings).toAbsolutePath().normalize();
        return new DataFolderLayout(folder, settings, database, uploads);
    }

    /**
     * Returns the entry name of a file inside the data folder, raising a {@link BackupException}
     * for one outside it, because a restore writes every entry inside the new data folder.
     */
    String entryName(Path file, String setting) throws BackupException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(folder)) {
            throw new BackupException("The setting " + setting + " points outside the data folder (" + absolute
                    + "); backup copies only files inside " + folder + ", so move it there first");
        }
        return folder.relativize(absolute).toString().replace('\\', '/');
    }
}
