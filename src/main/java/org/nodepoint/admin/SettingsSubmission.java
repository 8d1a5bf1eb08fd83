package org.nodepoint.admin;

import java.util.Map;

/**
 * The settings form as submitted: each field's value by key (null when the field was missing from
 * the request), and whether the administrator ticked the box that removes the SMTP password.
 */
public record SettingsSubmission(Map<String, String> values, boolean clearSmtpPassword) {
    @Override
    public String toString() {
        return "SettingsSubmission" + values.keySet();
    }
}
