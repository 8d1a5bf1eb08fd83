package org.nodepoint.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nodepoint.config.Settings;

/**
 * Describes a change of the settings for the system log: the old and the new value of each
 * setting in force, except for secrets, which are only named. The log shows what the settings
 * page shows the same administrator, so plugin commands and the SMTP user appear, and passwords
 * and keys do not.
 */
final class SettingChanges {
    /** Keys whose values never appear: the page's password fields and the keys that the page never shows. */
    private static final List<String> HIDDEN_KEYS = List.of(Settings.API_READ_KEY, Settings.API_WRITE_KEY, Settings.ADMIN_PASSWORD,
            Settings.ENCRYPTION_KEY);

    private SettingChanges() {
    }

    /**
     * Returns a message such as {@code Changed 2 settings: page_len "50" -> "20"; smtp_pass changed},
     * or empty when no setting in force changed. A key written with the value it already had by
     * default is no change.
     */
    static Optional<String> describe(Settings before, Settings after) {
        List<String> changes = new ArrayList<>();
        for (SettingsField field : SettingsCatalogue.FIELDS) {
            if (field.kind() == SettingsField.Kind.SECRET) {
                describeSecret(field.key(), before, after, changes);
                continue;
            }
            String old = field.current().apply(before);
            String current = field.current().apply(after);
            if (!old.equals(current)) {
                changes.add(field.key() + " \"" + old + "\" -> \"" + current + "\"");
            }
        }
        HIDDEN_KEYS.forEach(key -> describeSecret(key, before, after, changes));
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        String count = changes.size() == 1 ? "1 setting" : changes.size() + " settings";
        return Optional.of("Changed " + count + ": " + String.join("; ", changes));
    }

    private static void describeSecret(String key, Settings before, Settings after, List<String> changes) {
        if (!before.get(key).equals(after.get(key))) {
            changes.add(key + " changed");
        }
    }
}
