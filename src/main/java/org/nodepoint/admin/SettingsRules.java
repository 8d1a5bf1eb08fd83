package org.nodepoint.admin;

import java.util.regex.Pattern;
import org.nodepoint.config.PageAssetUrl;
import org.nodepoint.config.PublicUrl;
import org.nodepoint.config.SettingsFile;
import org.nodepoint.config.TimeOfDay;
import org.nodepoint.config.TimeZoneName;
import org.nodepoint.directory.DirectoryValues;
import org.nodepoint.directory.TrustedCertificates;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.FieldErrors.Label;

/**
 * Validates the value of one settings field by its kind. Each error is keyed by the field's
 * key and its message names the field (by its label) and what is allowed.
 */
final class SettingsRules {
    /** Letters, digits, dots, dashes, colons and brackets, which cover DNS names and IPv4 and IPv6 literals. */
    private static final Pattern HOST = Pattern.compile("(?!-)[A-Za-z0-9.:\\[\\]-]+");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern EXTENSION = Pattern.compile("\\.?[A-Za-z0-9]{1,10}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,12}");

    private SettingsRules() {
    }

    /** Adds an error for the field when {@code value} breaks its rule. A null value means the field was not submitted. */
    static void check(SettingsField field, String value, FieldErrors errors) {
        Label label = new Label(field.labelKey());
        if (value == null) {
            errors.add(field.key(), "settings.invalid.missing", label);
            return;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(field.key(), "settings.invalid.singleLine", label);
            return;
        }
        // nodepoint.cfg writes an empty value as NULL, so the text NULL would read back as empty after a restart.
        if (value.equals(SettingsFile.EMPTY_VALUE)) {
            errors.add(field.key(), "settings.invalid.reservedNull", label);
            return;
        }
        switch (field.kind()) {
            case TEXT -> checkText(field, value, label, errors);
            case ASSET_URL -> require(PageAssetUrl.isAllowed(value), field, errors, "settings.invalid.assetUrl", label, field.max());
            case PUBLIC_URL -> require(PublicUrl.isAllowed(value), field, errors, "settings.invalid.publicUrl", label, field.max());
            case TIME_ZONE -> require(TimeZoneName.isAllowed(value), field, errors, "settings.invalid.timeZone", label);
            case TIME_OF_DAY -> require(TimeOfDay.isAllowed(value), field, errors, "settings.invalid.timeOfDay", label);
            case HOST -> require(value.isEmpty() || (value.length() <= field.max() && HOST.matcher(value).matches()),
                    field, errors, "settings.invalid.host", label, field.max());
            case DOMAIN -> require(value.isEmpty() || (value.length() <= field.max() && DOMAIN.matcher(value).matches()),
                    field, errors, "settings.invalid.domain", label, field.max());
            case EMAIL -> require(value.isEmpty() || (value.length() <= field.max() && EMAIL.matcher(value).matches()),
                    field, errors, "settings.invalid.email", label, field.max());
            case EXTENSIONS -> require(isExtensionList(value, field.max()), field, errors, "settings.invalid.extensions", label);
            case NUMBER -> require(isInRange(value, field), field, errors, "settings.invalid.number", label, field.min(), field.max());
            case OPTIONAL_NUMBER -> require(value.isEmpty() || isInRange(value, field),
                    field, errors, "settings.invalid.optionalNumber", label, field.min(), field.max());
            case LEVEL -> require(isInRange(value, field), field, errors, "settings.invalid.level", label, field.min(), field.max());
            case CHOICE -> require(field.choices().stream().anyMatch(choice -> choice.value().equals(value)),
                    field, errors, "settings.invalid.choice", label);
            case SWITCH -> require(value.equals("on") || value.equals("off"), field, errors, "settings.invalid.switch", label);
            case SECRET -> checkSecret(field, value, label, errors);
            case CERTIFICATE -> checkCertificate(field, value, label, errors);
            case DN -> require(value.length() <= field.max() && DirectoryValues.isDnOrEmpty(value), field, errors, "settings.invalid.dn", label,
                    field.max());
            case USER_FILTER -> require(value.length() <= field.max() && DirectoryValues.isUserFilterOrEmpty(value), field, errors,
                    "settings.invalid.userFilter", label, field.max());
        }
    }

    /** Returns the value as nodepoint.cfg stores it: numbers without leading zeros, everything else as validated. */
    static String normalize(SettingsField field, String value) {
        return switch (field.kind()) {
            case NUMBER, LEVEL -> String.valueOf(Long.parseLong(value));
            case OPTIONAL_NUMBER -> value.isEmpty() ? "" : String.valueOf(Long.parseLong(value));
            default -> value;
        };
    }

    private static void checkText(SettingsField field, String value, Label label, FieldErrors errors) {
        if (field.isRequired() && value.isEmpty()) {
            errors.add(field.key(), "settings.invalid.required", label, field.max());
        } else if (value.length() > field.max()) {
            errors.add(field.key(), "settings.invalid.length", label, field.max());
        }
    }

    /**
     * Rejects a password with a space at either end, because nodepoint.cfg trims values and would
     * store a different password than the one typed.
     */
    private static void checkSecret(SettingsField field, String value, Label label, FieldErrors errors) {
        if (value.length() > field.max()) {
            errors.add(field.key(), "settings.invalid.length", label, field.max());
        } else if (!value.equals(value.strip())) {
            errors.add(field.key(), "settings.invalid.secretSpaces", label);
        }
    }

    private static void checkCertificate(SettingsField field, String value, Label label, FieldErrors errors) {
        if (value.length() > field.max()) {
            errors.add(field.key(), "settings.invalid.length", label, field.max());
            return;
        }
        try {
            TrustedCertificates.read(value);
        } catch (TrustedCertificates.InvalidCertificate invalid) {
            errors.add(field.key(), "settings.invalid.certificate", label, invalid.getMessage());
        }
    }

    private static boolean isInRange(String value, SettingsField field) {
        if (!DIGITS.matcher(value).matches()) {
            return false;
        }
        long number = Long.parseLong(value);
        return number >= field.min() && number <= field.max();
    }

    private static boolean isExtensionList(String value, long maxLength) {
        if (value.isEmpty()) {
            return true;
        }
        if (value.length() > maxLength) {
            return false;
        }
        for (String extension : value.split("[,\\s]+")) {
            if (!extension.isEmpty() && !EXTENSION.matcher(extension).matches()) {
                return false;
            }
        }
        return true;
    }

    private static void require(boolean valid, SettingsField field, FieldErrors errors, String messageKey, Object... args) {
        if (!valid) {
            errors.add(field.key(), messageKey, args);
        }
    }
}
