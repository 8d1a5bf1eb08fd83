package org.nodepoint.admin;

import java.util.List;

/** A group of options on the settings page, titled by the UI text {@code settings.section.<id>}. */
public record SettingsSection(String id, List<SettingsField> fields) {
    public String titleKey() {
        return "settings.section." + id;
    }

    public String introKey() {
        return titleKey() + ".intro";
    }
}
