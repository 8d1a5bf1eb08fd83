package org.nodepoint.legacyimport;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;
import org.nodepoint.Wiring;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsFile;
import org.nodepoint.csv.ImportProgress;
import org.nodepoint.db.Database;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.uploads.UploadFolder;

/**
 * Imports a NodePoint 1.x installation into a new data folder: its database, uploads and settings.
 * The rows go in one transaction, and the settings file is written as its last step, so a failure
 * leaves the data folder as it was and deletes the uploads copied so far.
 */
public final class LegacyImport {
    /** The tables that already hold records in a data folder that is in use. */
    private static final List<String> RECORD_TABLES = List.of("tickets", "products", "clients", "items", "articles", "tasks",
            "shouts", "shared_files", "ticket_forms");

    /** Every 1.x table that the import reads, for the progress bar's total. */
    private static final List<String> LEGACY_TABLES = List.of("users", "disabled", "products", "releases", "autoassign", "forms",
            "default_form", "tickets", "escalate", "comments", "timetracking", "kb", "kblink", "subscribe", "clients",
            "billing_defaults", "billing", "events", "items", "item_expiration", "checkouts", "steps", "shoutbox", "files",
            "file_access", "log", "sessions", "lostpass", "secrets", "secrets_log", "routing", "routing_conditions",
            "routing_actions", "auto", "auto_modules", "auto_log", "auto_config", "steps_log", "files_product");

    private final Clock clock;

    public LegacyImport(Clock clock) {
        this.clock = clock;
    }

    /** Returns the number of rows in the 1.x database, for a progress bar. */
    public static long countRows(Path oldFolder) throws IOException {
        LegacyInstallation installation = LegacyInstallation.locate(oldFolder);
        try (LegacyDatabase legacy = LegacyDatabase.open(installation.database())) {
            long total = 0;
            for (String table : LEGACY_TABLES) {
                total += legacy.count(table);
            }
            return total;
        } catch (SQLException failure) {
            throw new LegacyImportException("failed to read the 1.x database " + installation.database() + ": " + failure.getMessage(), failure);
        }
    }

    /**
     * Imports the installation in {@code oldFolder} into {@code dataFolder}. {@code zone} is the
     * time zone of the 1.x server, in whose local time 1.x wrote every date; when it is not null,
     * it also becomes the time_zone setting.
     */
    public ImportSummary run(Path oldFolder, Path dataFolder, ZoneId zone, ImportProgress progress) throws IOException {
        LegacyInstallation installation = LegacyInstallation.locate(oldFolder);
        SettingsFile settingsFile = new SettingsFile(Wiring.settingsFile(dataFolder));
        Settings current = new Settings(settingsFile.load());
        SettingsImport.Mapping settings = SettingsImport.map(installation.settings());
        Map<String, String> newSettings = newSettings(current, settings, zone);
        String legacyAdminName = installation.settings().getOrDefault(Settings.ADMIN_NAME, "").strip();
        List<String> settingsNotes = new java.util.ArrayList<>(settings.notes());
        if (newSettings.getOrDefault(Settings.ADMIN_PASSWORD, "").isBlank()) {
            settingsNotes.add("the data folder has no administrator password, so nobody can sign in as administrator yet; "
                    + "run 'serve' and open /setup with the setup code that it prints in its log to set one");
        }
        UploadFolder uploadFolder = new UploadFolder(Wiring.uploadFolderPath(dataFolder, current), clock);
        LegacyUploads uploads = new LegacyUploads(installation.uploads(), uploadFolder);
        ZoneId serverZone = zone == null ? ZoneId.systemDefault() : zone;
        long now = clock.millis();
        AtomicBoolean settingsSaved = new AtomicBoolean();

        try (Database database = Database.open(Wiring.databaseFile(dataFolder, current));
             LegacyDatabase legacy = LegacyDatabase.open(installation.database())) {
            rejectUnlessEmpty(database, dataFolder);
            List<TableReport> reports = database.write().inTransaction(handle -> {
                ImportContext context = new ImportContext(legacy, handle, new LegacyDates(serverZone), setUpUsers(handle, newSettings, legacyAdminName, now),
                        uploads, now, progress);
                importTables(context);
                rebuildSearchIndexes(handle);
                recordInLog(handle, oldFolder, context);
                settingsFile.save(newSettings);
                settingsSaved.set(true);
                return context.reports();
            });
            return new ImportSummary(reports, settings.unknownKeys(), settingsNotes);
        } catch (SQLException failure) {
            undo(uploads, settingsSaved.get(), settingsFile, current);
            throw new LegacyImportException("failed to read the 1.x database " + installation.database() + ": " + failure.getMessage(), failure);
        } catch (LegacyImportException | IOException failure) {
            undo(uploads, settingsSaved.get(), settingsFile, current);
            throw failure;
        } catch (RuntimeException failure) {
            undo(uploads, settingsSaved.get(), settingsFile, current);
            throw new LegacyImportException("the import failed: " + rootMessage(failure), failure);
        }
    }

    /** Returns the message of the innermost cause, such as SQLite's name of the constraint that failed. */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Deletes the copied uploads and, when the commit failed after the settings were written, writes the old settings back. */
    private static void undo(LegacyUploads uploads, boolean settingsSaved, SettingsFile settingsFile, Settings previous) throws IOException {
        uploads.deleteCopies();
        if (!settingsSaved) {
            return;
        }
        if (previous.asMap().isEmpty()) {
            java.nio.file.Files.deleteIfExists(settingsFile.path());
        } else {
            settingsFile.save(previous.asMap());
        }
    }

    private static void importTables(ImportContext context) {
        try {
            UserImport.run(context);
            ProductImport.run(context);
            FormImport.run(context);
            TicketImport.run(context);
            ArticleImport.run(context);
            ClientImport.run(context);
            ItemImport.run(context);
            TaskImport.run(context);
            ShoutboxImport.run(context);
            FileImport.run(context);
            LogImport.run(context);
            UnmappedTables.run(context);
        } catch (SQLException failure) {
            throw new LegacyImportException("failed to read the 1.x database: " + failure.getMessage(), failure);
        }
    }

    /** Rejects a data folder that has users or records already, so that an import never mixes two sites. */
    private static void rejectUnlessEmpty(Database database, Path dataFolder) {
        database.read().useHandle(handle -> {
            long users = handle.createQuery("SELECT count(*) FROM users WHERE kind = 'local'").mapTo(Long.class).one();
            if (users > 0) {
                throw new LegacyImportException(dataFolder + " already has " + users + " user accounts besides the administrator; "
                        + "import into a new data folder, or one that only 'init' has set up");
            }
            for (String table : RECORD_TABLES) {
                long rows = handle.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one();
                if (rows > 0) {
                    throw new LegacyImportException(dataFolder + " already has " + rows + " rows in " + table
                            + "; import into a new data folder, or one that only 'init' has set up");
                }
            }
        });
    }

    /** Returns the settings to write: those of the new folder, overwritten by the mapped 1.x settings. */
    private static Map<String, String> newSettings(Settings current, SettingsImport.Mapping mapping, ZoneId zone) {
        Map<String, String> values = new LinkedHashMap<>(current.asMap());
        values.putIfAbsent(Settings.DB_ADDRESS, Wiring.DEFAULT_DATABASE);
        values.putIfAbsent(Settings.UPLOAD_FOLDER, "uploads");
        values.putAll(mapping.values());
        if (zone != null) {
            values.put(Settings.TIME_ZONE, zone.getId());
        }
        return values;
    }

    /**
     * Gives the administrator account the 1.x administrator's name, creating the account in a folder
     * that has none, and returns the user ids with the administrator and built-in actors in them.
     * Without an admin_pass to import, a folder without an administrator account gets one named
     * {@code legacyAdminName} and no password, which first-run setup completes. Rows that name the
     * 1.x administrator then find the administrator account.
     */
    private static UserIds setUpUsers(Handle handle, Map<String, String> settings, String legacyAdminName, long now) {
        String adminName = settings.getOrDefault(Settings.ADMIN_NAME, "").strip();
        if (!adminName.isEmpty()) {
            int renamed = handle.createUpdate("UPDATE users SET name = :name WHERE kind = 'admin'").bind("name", adminName).execute();
            if (renamed == 0) {
                insertAdmin(handle, adminName, now);
            }
        } else if (!legacyAdminName.isEmpty() && !hasAdmin(handle) && !nameTaken(handle, legacyAdminName)) {
            insertAdmin(handle, legacyAdminName, now);
        }
        UserIds users = new UserIds(handle, now);
        users.addAdministratorName(legacyAdminName);
        return users;
    }

    private static void insertAdmin(Handle handle, String name, long now) {
        handle.createUpdate("INSERT INTO users (name, password_hash, email, level, kind, created_at) VALUES (:name, NULL, '', 6, 'admin', :now)")
                .bind("name", name).bind("now", now).execute();
    }

    private static boolean hasAdmin(Handle handle) {
        return handle.createQuery("SELECT count(*) FROM users WHERE kind = 'admin'").mapTo(Long.class).one() > 0;
    }

    private static boolean nameTaken(Handle handle, String name) {
        return handle.createQuery("SELECT count(*) FROM users WHERE lower(name) = lower(:name)").bind("name", name).mapTo(Long.class).one() > 0;
    }

    /** Rebuilds the full-text indexes from their tables, so that search finds every imported row. */
    private static void rebuildSearchIndexes(Handle handle) {
        for (String index : List.of("tickets_fts", "comments_fts", "articles_fts", "system_log_fts")) {
            handle.execute("INSERT INTO " + index + " (" + index + ") VALUES ('rebuild')");
        }
    }

    private static void recordInLog(Handle handle, Path oldFolder, ImportContext context) {
        long imported = context.reports().stream().mapToLong(TableReport::importedCount).sum();
        long skipped = context.reports().stream().mapToLong(TableReport::skippedCount).sum();
        handle.createUpdate("INSERT INTO system_log (created_at, category, actor, message) VALUES (:at, :category, '', :message)")
                .bind("at", context.now).bind("category", LogCategory.IMPORT.storedValue())
                .bind("message", "Imported NodePoint 1.x from " + oldFolder.toAbsolutePath() + " with import-nodepoint: "
                        + imported + " rows imported, " + skipped + " skipped")
                .execute();
    }
}
