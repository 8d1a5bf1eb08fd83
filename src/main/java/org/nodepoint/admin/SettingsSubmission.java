package org.nodepoint.admin;

import java.util.Map;
import java.util.Set;

/**
 * The settings form as submitted: each field's value by key (null when the field was missing from
 * the request), and the keys of the password fields whose box "Remove the stored password" the
 * administrator ticked.
 */
public record SettingsSubmission(Map<String, String> values, Set<String> clearedSecrets) {
    /** Returns the form field of the box that removes the stored password of {@code key}, such as smtp_pass_clear. */
    public static String clearField(String key) {
        return key + "_clear";
    }

    public boolean clears(String key) {
        return clearedSecrets.contains(key);
    }

    @Override
    public String toString() {
        return "SettingsSubmission" + values.keySet();
    }
}
