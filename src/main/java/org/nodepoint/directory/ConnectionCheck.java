package org.nodepoint.directory;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;
import org.nodepoint.users.Viewer;

/**
 * The "Test connection" button of the settings page: connects to the directory with the saved
 * settings and, in search mode with a bind DN, binds as that account. The result names the
 * directory's error in plain words, and the system log records it.
 */
public final class ConnectionCheck {
    private final SettingsStore settings;
    private final SystemLog systemLog;

    /** The UI text key of the outcome and its one value (the address, or the error). */
    public record Report(boolean succeeded, String messageKey, String value) {
    }

    public ConnectionCheck(SettingsStore settings, SystemLog systemLog) {
        this.settings = settings;
        this.systemLog = systemLog;
    }

    public Report run(Viewer admin) {
        Settings current = settings.current();
        if (!current.directoryEnabled()) {
            return new Report(false, "settings.directoryTest.off", "");
        }
        DirectoryConfig config = DirectoryConfig.from(current);
        Report report = connect(config);
        String outcome = report.succeeded() ? "succeeded: " + config.address() : "failed: " + report.value();
        systemLog.record(LogCategory.SETTINGS, admin.name(), "Directory connection test " + outcome);
        return report;
    }

    private static Report connect(DirectoryConfig config) {
        try (LDAPConnection connection = DirectoryConnector.open(config)) {
            if (config.bindsWithDomain() || config.bindDn().isEmpty()) {
                connection.getRootDSE();
                return new Report(true, "settings.directoryTest.connected", config.address());
            }
            connection.bind(new SimpleBindRequest(config.bindDn(), config.bindPassword()));
            return new Report(true, "settings.directoryTest.bound", config.address());
        } catch (LDAPException failure) {
            if (failure.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return new Report(false, "settings.directoryTest.failed", "The directory at " + config.address()
                        + " rejected the bind DN " + config.bindDn() + " or its password.");
            }
            return new Report(false, "settings.directoryTest.failed", DirectoryErrors.describe(config, failure));
        }
    }
}
