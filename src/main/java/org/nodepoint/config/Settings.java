package org.nodepoint.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typed, immutable view of nodepoint.cfg. Key names are those of NodePoint 1.x so that an
 * existing configuration file reads unchanged.
 */
public final class Settings {
    public static final String SITE_NAME = "site_name";
    public static final String ADMIN_NAME = "admin_name";
    public static final String ADMIN_PASSWORD = "admin_pass";
    public static final String TICKET_VISIBILITY = "default_vis";
    public static final String ALLOW_REGISTRATIONS = "allow_registrations";
    public static final String GUEST_TICKETS = "guest_tickets";
    public static final String PAGE_LENGTH = "page_len";
    public static final String SESSION_EXPIRY = "session_expiry";
    public static final String API_READ_KEY = "api_read";
    public static final String API_WRITE_KEY = "api_write";
    public static final String API_IMPERSONATION = "api_imp";
    public static final String NOTICE = "motd";
    public static final String HIDE_CLOSED = "hide_close";
    public static final String DEFAULT_LEVEL = "default_lvl";
    public static final String DB_ADDRESS = "db_address";
    public static final String UPLOAD_FOLDER = "upload_folder";
    // Users and their summaries.
    public static final String SUMMARY_LEVEL = "summary_lvl";
    public static final String MIN_PASSWORD_LENGTH = "min_password_length";
    public static final int DEFAULT_MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 128;

    public static final int DEFAULT_PAGE_LENGTH = 50;
    public static final int MAX_PAGE_LENGTH = 500;

    private final Map<String, String> values;

    public Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Settings empty() {
        return new Settings(Map.of());
    }

    public Map<String, String> asMap() {
        return values;
    }

    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    public Settings with(Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.putAll(changes);
        return new Settings(merged);
    }

    /** True once an administrator password exists, which ends first-run setup. */
    public boolean isConfigured() {
        return !get(ADMIN_PASSWORD).isBlank();
    }

    public String siteName() {
        String name = get(SITE_NAME).strip();
        return name.isEmpty() ? "NodePoint" : name;
    }

    public String adminName() {
        String name = get(ADMIN_NAME).strip();
        return name.isEmpty() ? "admin" : name;
    }

    public String adminPasswordHash() {
        return get(ADMIN_PASSWORD);
    }

    public TicketVisibility ticketVisibility() {
        return TicketVisibility.parse(get(TICKET_VISIBILITY)).orElse(TicketVisibility.RESTRICTED);
    }

    public boolean allowRegistrations() {
        return isOn(ALLOW_REGISTRATIONS);
    }

    public boolean guestTickets() {
        return isOn(GUEST_TICKETS);
    }

    public boolean apiImpersonation() {
        return isOn(API_IMPERSONATION);
    }

    public boolean hideClosed() {
        return isOn(HIDE_CLOSED);
    }

    public String notice() {
        return get(NOTICE).strip();
    }

    public String apiReadKey() {
        return get(API_READ_KEY);
    }

    public String apiWriteKey() {
        return get(API_WRITE_KEY);
    }

    public int pageLength() {
        return clamp(intValue(PAGE_LENGTH, DEFAULT_PAGE_LENGTH), 5, MAX_PAGE_LENGTH);
    }

    public int sessionExpiryHours() {
        return clamp(intValue(SESSION_EXPIRY, 12), 1, 24 * 30);
    }

    public int defaultLevel() {
        return clamp(intValue(DEFAULT_LEVEL, 1), 0, 5);
    }

    /** Returns the level that may read user summaries: 5 by default as in NodePoint 1.x, clamped to 0-6. */
    public int summaryLevel() {
        return clamp(intValue(SUMMARY_LEVEL, 5), 0, 6);
    }

    /** Returns the shortest password length accepted: 8 by default, clamped to 6-128 so that no setting turns the rule off. */
    public int minPasswordLength() {
        return clamp(intValue(MIN_PASSWORD_LENGTH, DEFAULT_MIN_PASSWORD_LENGTH), 6, MAX_PASSWORD_LENGTH);
    }

    /**
     * Reads an on/off switch. Only "on" (any case) is true: NodePoint 1.x treated any non-empty
     * value as true for registrations, so "off" could never switch them off.
     */
    private boolean isOn(String key) {
        return "on".equalsIgnoreCase(get(key).strip());
    }

    private int intValue(String key, int fallback) {
        try {
            return Integer.parseInt(get(key).strip());
        } catch (NumberFormatException invalid) {
            return fallback;
        }
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
