package org.nodepoint.admin;

import org.nodepoint.config.Plugin;
import org.nodepoint.config.Settings;
import org.nodepoint.directory.DirectoryValues;
import org.nodepoint.errors.FieldErrors;

/**
 * Checks that the directory settings of a submission fit together. A server needs either an
 * Active Directory domain or an LDAP user filter and base DN, and a bind DN needs its password.
 * The authentication command must not put the password on its command line.
 */
final class DirectorySettingsRules {
    private DirectorySettingsRules() {
    }

    /** Adds an error for each broken rule. {@code bindPasswordStored} is true when nodepoint.cfg has a bind password. */
    static void check(SettingsSubmission submission, boolean bindPasswordStored, FieldErrors errors) {
        String server = value(submission, Settings.AD_SERVER);
        String domain = value(submission, Settings.AD_DOMAIN);
        String filter = value(submission, Settings.LDAP_USER_FILTER);
        String baseDn = value(submission, Settings.LDAP_BASE_DN);
        String bindDn = value(submission, Settings.LDAP_BIND_DN);
        if (!server.isEmpty() && domain.isEmpty() && filter.isEmpty()) {
            errors.add(Settings.AD_DOMAIN, "settings.invalid.directoryMode");
        }
        if (server.isEmpty() && (!domain.isEmpty() || !filter.isEmpty())) {
            errors.add(Settings.AD_SERVER, "settings.invalid.directoryServer");
        }
        if (!domain.isEmpty() && !filter.isEmpty()) {
            errors.add(Settings.LDAP_USER_FILTER, "settings.invalid.directoryBoth");
        }
        if (!filter.isEmpty() && baseDn.isEmpty()) {
            errors.add(Settings.LDAP_BASE_DN, "settings.invalid.baseDnMissing");
        }
        boolean passwordKept = bindPasswordStored && !submission.clears(Settings.LDAP_BIND_PASSWORD);
        if (!bindDn.isEmpty() && value(submission, Settings.LDAP_BIND_PASSWORD).isEmpty() && !passwordKept) {
            errors.add(Settings.LDAP_BIND_PASSWORD, "settings.invalid.bindPasswordMissing");
        }
        if (DirectoryValues.authCommandHasPassword(submission.values().get(Plugin.AUTHENTICATION.key()))) {
            errors.add(Plugin.AUTHENTICATION.key(), "settings.invalid.authPluginPassword");
        }
    }

    private static String value(SettingsSubmission submission, String key) {
        String value = submission.values().get(key);
        return value == null ? "" : value.strip();
    }
}
