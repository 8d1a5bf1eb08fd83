package org.nodepoint.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

/**
 * The settings form: the sections, each field's value (as stored, or as typed when the form is
 * shown again with errors), and the password fields that have a stored value. It also carries
 * the password fields whose removal box is ticked, the address in the test e-mail form, and the
 * field errors or null.
 */
public record SiteSettingsPage(
        Chrome chrome,
        List<SettingsSection> sections,
        Map<String, String> values,
        Set<String> storedSecrets,
        Set<String> clearedSecrets,
        String testMailAddress,
        FieldErrors errors) {

    public boolean isStored(String key) {
        return storedSecrets.contains(key);
    }

    public boolean isCleared(String key) {
        return clearedSecrets.contains(key);
    }

    public String value(String key) {
        String value = values.get(key);
        return value == null ? "" : value;
    }

    public boolean isOn(String key) {
        return "on".equals(values.get(key));
    }

    public boolean hasError(String key) {
        return errors != null && errors.has(key);
    }
}
