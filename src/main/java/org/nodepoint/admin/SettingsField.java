package org.nodepoint.admin;

import java.util.List;
import java.util.function.Function;
import org.nodepoint.config.Settings;

/**
 * One option of the settings page: its nodepoint.cfg key (also the form field name), the kind
 * of value with its bounds, the choices of a list, and how to read the value in force. Labels and
 * help texts are the UI texts {@code settings.<key>} and {@code settings.<key>.help}.
 */
public record SettingsField(String key, Kind kind, long min, long max, List<Choice> choices, Function<Settings, String> current) {
    /** The kinds of value, each with its own validation rule and form control. */
    public enum Kind {
        /** One line of text of at most {@code max} characters, required when {@code min} is 1. */
        TEXT,
        /** A site path or an https URL (see PageAssetUrl). */
        ASSET_URL,
        /** The http or https address of this site, or empty (see PublicUrl). */
        PUBLIC_URL,
        /** A time zone name such as Europe/Berlin, or empty for the server's zone (see TimeZoneName). */
        TIME_ZONE,
        /** A 24-hour time HH:MM, or empty (see TimeOfDay). */
        TIME_OF_DAY,
        /** A host name or IP address, or empty. */
        HOST,
        /** An NT4-style domain name, or empty. */
        DOMAIN,
        /** An e-mail address, or empty. */
        EMAIL,
        /** A list of file extensions, or empty. */
        EXTENSIONS,
        /** A whole number from {@code min} to {@code max}. */
        NUMBER,
        /** A whole number from {@code min} to {@code max}, or empty for none. */
        OPTIONAL_NUMBER,
        /** An access level threshold from 0 to 5, chosen from {@code choices}. */
        LEVEL,
        /** One of {@code choices}. */
        CHOICE,
        /** On or off. */
        SWITCH,
        /** A password that the page never shows. An empty value keeps the stored one. */
        SECRET,
        /** PEM text of CA certificates or the absolute path of a PEM file, or empty (see TrustedCertificates). */
        CERTIFICATE,
        /** An LDAP distinguished name, or empty. */
        DN,
        /** An LDAP search filter containing {user}, or empty. */
        USER_FILTER
    }

    /** One entry of a list: the stored value and the message key of its label. */
    public record Choice(String value, String labelKey) {
    }

    public String labelKey() {
        return "settings." + key;
    }

    public String helpKey() {
        return labelKey() + ".help";
    }

    public boolean isRequired() {
        return kind == Kind.TEXT && min > 0;
    }

    public boolean isSelect() {
        return kind == Kind.CHOICE || kind == Kind.LEVEL;
    }

    /**
     * Returns the type attribute of the form's input element. Numbers use a text input with a
     * numeric keyboard, because a number input drops an invalid value that the page must show again.
     */
    public String inputType() {
        return switch (kind) {
            case EMAIL -> "email";
            case SECRET -> "password";
            default -> "text";
        };
    }

    /** Returns the inputmode attribute, or null for none. */
    public String inputMode() {
        return kind == Kind.NUMBER || kind == Kind.OPTIONAL_NUMBER ? "numeric" : null;
    }

    /** Returns the maxlength attribute: the length limit of text, or enough digits for the largest number. */
    public long maxLength() {
        return kind == Kind.NUMBER || kind == Kind.OPTIONAL_NUMBER ? String.valueOf(max).length() : max;
    }
}
