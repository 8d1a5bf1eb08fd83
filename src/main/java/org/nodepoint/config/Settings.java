package org.nodepoint.config;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Typed, immutable view of nodepoint.cfg. Key names are those of NodePoint 1.x so that an
 * existing configuration file reads unchanged. Every accessor returns the documented default
 * when its key is missing or unreadable, so a hand-edited file cannot stop the server.
 */
public final class Settings {
    // Identity, paths and the administrator account (not on the settings page).
    public static final String ADMIN_NAME = "admin_name";
    public static final String ADMIN_PASSWORD = "admin_pass";
    public static final String DB_ADDRESS = "db_address";
    public static final String UPLOAD_FOLDER = "upload_folder";
    public static final String ENCRYPTION_KEY = "enc_key";

    // General and appearance.
    public static final String SITE_NAME = "site_name";
    public static final String NOTICE = "motd";
    public static final String THEME_COLOR = "theme_color";
    public static final String STYLESHEET = "css_template";
    public static final String FAVICON = "favicon";
    public static final String LOGO = "logo";
    public static final String TERMINOLOGY = "items_managed";
    public static final String PAGE_LENGTH = "page_len";
    public static final String PINNED_ARTICLE = "pinned_article";

    // Tickets and access.
    public static final String TICKET_VISIBILITY = "default_vis";
    public static final String HIDE_CLOSED = "hide_close";
    public static final String GUEST_TICKETS = "guest_tickets";
    public static final String NEED_ASSIGN = "need_assign";
    public static final String MAX_UPLOAD_SIZE = "max_size";
    public static final String UPLOAD_EXTENSIONS = "upload_exts";

    // Sign-in and sessions.
    public static final String ALLOW_REGISTRATIONS = "allow_registrations";
    public static final String SESSION_EXPIRY = "session_expiry";
    public static final String MIN_PASSWORD_LENGTH = "min_password_length";

    // JSON API.
    public static final String API_READ_KEY = "api_read";
    public static final String API_WRITE_KEY = "api_write";
    public static final String API_IMPERSONATION = "api_imp";

    // Access level thresholds.
    public static final String DEFAULT_LEVEL = "default_lvl";
    public static final String UPLOAD_LEVEL = "upload_lvl";
    public static final String PAST_EDIT_LEVEL = "past_lvl";
    public static final String CUSTOM_FORMS_LEVEL = "customs_lvl";
    public static final String REPORTS_LEVEL = "report_lvl";
    public static final String TASKS_LEVEL = "tasks_lvl";
    public static final String USER_DETAILS_LEVEL = "summary_lvl";
    public static final String CLIENTS_LEVEL = "client_lvl";
    public static final String CLIENT_EVENTS_LEVEL = "events_lvl";
    public static final String AUTOMATION_LEVEL = "auto_lvl";
    public static final String ADD_SECRETS_LEVEL = "add_secrets";
    public static final String VIEW_SECRETS_LEVEL = "view_secrets";

    // E-mail.
    public static final String SMTP_SERVER = "smtp_server";
    public static final String SMTP_PORT = "smtp_port";
    public static final String SMTP_USER = "smtp_user";
    public static final String SMTP_PASSWORD = "smtp_pass";
    public static final String SMTP_FROM = "smtp_from";
    public static final String SMTP_SECURITY = "smtp_tls";
    public static final String EMAIL_SIGNATURE = "email_sig";

    // Added by NodePoint for Java: the address in links that mails carry, plugin time limit, log retention.
    public static final String PUBLIC_URL = "public_url";
    public static final String PLUGIN_TIMEOUT = "plugin_timeout";
    public static final String LOG_RETENTION = "log_retention";
    public static final String TIME_ZONE = "time_zone";
    // Scheduled backups.
    public static final String BACKUP_TIME = "backup_time";
    public static final String BACKUP_KEEP = "backup_keep";

    // Directory sign-in: Active Directory as in NodePoint 1.x, and the keys added by NodePoint for Java.
    public static final String AD_SERVER = "ad_server";
    public static final String AD_DOMAIN = "ad_domain";
    public static final String AD_PORT = "ad_port";
    public static final String AD_SECURITY = "ad_tls";
    public static final String AD_CA_CERTIFICATE = "ad_ca_cert";
    public static final String AD_TIMEOUT = "ad_timeout";
    public static final String LDAP_BASE_DN = "ldap_base_dn";
    public static final String LDAP_BIND_DN = "ldap_bind_dn";
    public static final String LDAP_BIND_PASSWORD = "ldap_bind_pass";
    public static final String LDAP_USER_FILTER = "ldap_user_filter";

    public static final int DEFAULT_PAGE_LENGTH = 50;
    public static final int MIN_PAGE_LENGTH = 5;
    public static final int MAX_PAGE_LENGTH = 500;
    public static final int DEFAULT_SESSION_EXPIRY_HOURS = 12;
    public static final int MAX_SESSION_EXPIRY_HOURS = 24 * 30;
    public static final int DEFAULT_MIN_PASSWORD_LENGTH = 8;
    public static final int LOWEST_MIN_PASSWORD_LENGTH = 6;
    public static final int HIGHEST_MIN_PASSWORD_LENGTH = 128;
    /** The maximum password length, whatever the minimum setting. */
    public static final int MAX_PASSWORD_LENGTH = 128;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 999_000;
    public static final long MAX_UPLOAD_BYTES = 1L << 30;
    public static final int DEFAULT_SMTP_PORT = 25;
    public static final int DEFAULT_PLUGIN_TIMEOUT_SECONDS = 10;
    public static final int MAX_PLUGIN_TIMEOUT_SECONDS = 300;
    public static final int DEFAULT_DIRECTORY_TIMEOUT_SECONDS = 5;
    public static final int MAX_DIRECTORY_TIMEOUT_SECONDS = 60;
    public static final int DEFAULT_LOG_RETENTION_DAYS = 90;
    public static final int MAX_LOG_RETENTION_DAYS = 3_650;
    public static final int DEFAULT_BACKUP_KEEP = 7;
    public static final int MAX_BACKUP_KEEP = 365;
    /** The highest value of a level threshold. Level 6 is the administrator, who passes every check. */
    public static final int MAX_THRESHOLD_LEVEL = 5;

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

    public String adminName() {
        String name = get(ADMIN_NAME).strip();
        return name.isEmpty() ? "admin" : name;
    }

    public String adminPasswordHash() {
        return get(ADMIN_PASSWORD);
    }

    // General and appearance.

    public String siteName() {
        String name = get(SITE_NAME).strip();
        return name.isEmpty() ? "NodePoint" : name;
    }

    public String notice() {
        return get(NOTICE).strip();
    }

    public ThemeColor themeColor() {
        return ThemeColor.parse(get(THEME_COLOR)).orElse(ThemeColor.BLUE);
    }

    /** Returns the extra style sheet's URL, or "" when none is set or the stored value is not allowed. */
    public String stylesheetUrl() {
        return assetUrl(STYLESHEET);
    }

    public String faviconUrl() {
        return assetUrl(FAVICON);
    }

    public String logoUrl() {
        return assetUrl(LOGO);
    }

    public Terminology terminology() {
        return Terminology.parse(get(TERMINOLOGY)).orElse(Terminology.DEFAULT);
    }

    public int pageLength() {
        return clamp(intValue(PAGE_LENGTH, DEFAULT_PAGE_LENGTH), MIN_PAGE_LENGTH, MAX_PAGE_LENGTH);
    }

    /** Returns the id of the article shown on the home page, if one is set. */
    public OptionalLong pinnedArticleId() {
        long id = longValue(PINNED_ARTICLE, 0);
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }

    // Tickets and access.

    public TicketVisibility ticketVisibility() {
        return TicketVisibility.parse(get(TICKET_VISIBILITY)).orElse(TicketVisibility.RESTRICTED);
    }

    public boolean hideClosed() {
        return isOn(HIDE_CLOSED, false);
    }

    public boolean guestTickets() {
        return isOn(GUEST_TICKETS, false);
    }

    /** True when adding releases, tasks, secrets and files to a product needs auto-assignment to it. */
    public boolean needAssign() {
        return isOn(NEED_ASSIGN, false);
    }

    public long maxUploadBytes() {
        long bytes = longValue(MAX_UPLOAD_SIZE, DEFAULT_MAX_UPLOAD_BYTES);
        return bytes < 1 ? DEFAULT_MAX_UPLOAD_BYTES : Math.min(bytes, MAX_UPLOAD_BYTES);
    }

    /**
     * Returns the allowed upload extensions in lower case without dots. An empty set allows every
     * extension. The stored list may be separated by commas, spaces or both.
     */
    public Set<String> uploadExtensions() {
        Set<String> extensions = new LinkedHashSet<>();
        for (String part : get(UPLOAD_EXTENSIONS).split("[,\\s]+")) {
            String extension = part.strip().replaceFirst("^\\.", "").toLowerCase(Locale.ROOT);
            if (!extension.isEmpty()) {
                extensions.add(extension);
            }
        }
        return Collections.unmodifiableSet(extensions);
    }

    // Sign-in and sessions.

    /**
     * True only for "on". NodePoint 1.x treated any non-empty value as true for registrations,
     * so its settings page, which writes "off", could never close them.
     */
    public boolean allowRegistrations() {
        return isOn(ALLOW_REGISTRATIONS, false);
    }

    public int sessionExpiryHours() {
        return clamp(intValue(SESSION_EXPIRY, DEFAULT_SESSION_EXPIRY_HOURS), 1, MAX_SESSION_EXPIRY_HOURS);
    }

    public int minPasswordLength() {
        return clamp(intValue(MIN_PASSWORD_LENGTH, DEFAULT_MIN_PASSWORD_LENGTH), LOWEST_MIN_PASSWORD_LENGTH, HIGHEST_MIN_PASSWORD_LENGTH);
    }

    // JSON API.

    public String apiReadKey() {
        return get(API_READ_KEY);
    }

    public String apiWriteKey() {
        return get(API_WRITE_KEY);
    }

    public boolean apiImpersonation() {
        return isOn(API_IMPERSONATION, false);
    }

    // Access level thresholds, each 0 to 5. A value out of range is clamped instead of reset to
    // the default as NodePoint 1.x did, because a 1.x threshold of 6 (administrator only) would
    // otherwise open the feature to a lower level than the clamped 5.

    /** Returns the level of newly registered users. */
    public int defaultLevel() {
        return level(DEFAULT_LEVEL, 1);
    }

    /** Returns the level needed to attach files to comments. */
    public int uploadLevel() {
        return level(UPLOAD_LEVEL, 1);
    }

    /** Returns the level needed to change the previous description when editing a ticket. */
    public int pastEditLevel() {
        return level(PAST_EDIT_LEVEL, 5);
    }

    /** Returns the level needed to create and edit custom ticket forms and routing. */
    public int customFormsLevel() {
        return level(CUSTOM_FORMS_LEVEL, 4);
    }

    /** Returns the level needed to see reports and statistics. */
    public int reportsLevel() {
        return level(REPORTS_LEVEL, 2);
    }

    /** Returns the level needed to assign tasks to users. */
    public int tasksLevel() {
        return level(TASKS_LEVEL, 4);
    }

    /** Returns the level needed to list users and see their summary pages. */
    public int userDetailsLevel() {
        return level(USER_DETAILS_LEVEL, 5);
    }

    /** Returns the level needed to see client details, billing included. */
    public int clientsLevel() {
        return level(CLIENTS_LEVEL, 2);
    }

    /** Returns the level needed to see and add client events. */
    public int clientEventsLevel() {
        return level(CLIENT_EVENTS_LEVEL, 2);
    }

    /** Returns the level needed to manage automation. */
    public int automationLevel() {
        return level(AUTOMATION_LEVEL, 5);
    }

    /** Returns the level needed to add, change and delete stored secrets. */
    public int addSecretsLevel() {
        return level(ADD_SECRETS_LEVEL, 4);
    }

    /** Returns the level needed to reveal stored secrets. */
    public int viewSecretsLevel() {
        return level(VIEW_SECRETS_LEVEL, 2);
    }

    // E-mail.

    /** True when an SMTP server is set. Without one, no mail is sent. */
    public boolean mailEnabled() {
        return !smtpServer().isEmpty();
    }

    public String smtpServer() {
        return get(SMTP_SERVER).strip();
    }

    public int smtpPort() {
        int port = intValue(SMTP_PORT, DEFAULT_SMTP_PORT);
        return port < 1 || port > 65_535 ? DEFAULT_SMTP_PORT : port;
    }

    public String smtpUser() {
        return get(SMTP_USER).strip();
    }

    /**
     * Returns the SMTP password as stored. NOTE: NodePoint 1.x stored it RC4-encrypted with
     * enc_key, so a value copied from a 1.x file must be decrypted on import before mail can use it.
     */
    public String smtpPassword() {
        return get(SMTP_PASSWORD);
    }

    public String smtpFrom() {
        return get(SMTP_FROM).strip();
    }

    /** Returns the SMTP encryption, STARTTLS unless set, so that credentials do not cross the network in clear text. */
    public SmtpSecurity smtpSecurity() {
        return SmtpSecurity.parse(get(SMTP_SECURITY)).orElse(SmtpSecurity.STARTTLS);
    }

    /** Returns the footer of every mail, or "" for the built-in footer. */
    public String emailSignature() {
        return get(EMAIL_SIGNATURE).strip();
    }

    /**
     * Returns the address at which users reach NodePoint, such as https://desk.example.org, without
     * a trailing slash, or "" when not set. Mails link to pages only when it is set; it is never
     * taken from a request's Host header, which a sender controls.
     */
    public String publicUrl() {
        String url = get(PUBLIC_URL).strip();
        return PublicUrl.isAllowed(url) ? PublicUrl.withoutTrailingSlash(url) : "";
    }

    // Directory sign-in.

    /**
     * True when sign-ins go to a directory: a server is set, and either an Active Directory domain
     * (bind as DOMAIN\name) or an LDAP user filter (search, then bind with the entry found).
     */
    public boolean directoryEnabled() {
        return !adServer().isEmpty() && (!adDomain().isEmpty() || !ldapUserFilter().isEmpty());
    }

    /**
     * True when passwords of accounts other than the administrator are checked outside NodePoint,
     * by a directory or by the authentication plugin, so that local passwords are not used.
     */
    public boolean externalSignIn() {
        return directoryEnabled() || !plugin(Plugin.AUTHENTICATION).isEmpty();
    }

    public String adServer() {
        return get(AD_SERVER).strip();
    }

    /** Returns the NT4-style domain name that prefixes user names in the LDAP bind. */
    public String adDomain() {
        return get(AD_DOMAIN).strip();
    }

    /** Returns the directory's port, or the usual port of the connection security when none is set: 636 for LDAPS, else 389. */
    public int adPort() {
        int port = intValue(AD_PORT, 0);
        return port < 1 || port > 65_535 ? adSecurity().defaultPort() : port;
    }

    /** Returns the directory connection security, StartTLS unless set, so that passwords do not cross the network in clear text. */
    public DirectorySecurity adSecurity() {
        return DirectorySecurity.parse(get(AD_SECURITY)).orElse(DirectorySecurity.STARTTLS);
    }

    /** Returns the trusted CA certificate setting: a PEM file path, PEM text, or "" for the Java runtime's trusted CAs. */
    public String adCaCertificate() {
        return get(AD_CA_CERTIFICATE).strip();
    }

    /** Returns the time limit in seconds for connecting to the directory and for each of its responses. */
    public int adTimeoutSeconds() {
        return clamp(intValue(AD_TIMEOUT, DEFAULT_DIRECTORY_TIMEOUT_SECONDS), 1, MAX_DIRECTORY_TIMEOUT_SECONDS);
    }

    public String ldapBaseDn() {
        return get(LDAP_BASE_DN).strip();
    }

    /** Returns the DN of the account that searches for users, or "" to search without binding. */
    public String ldapBindDn() {
        return get(LDAP_BIND_DN).strip();
    }

    public String ldapBindPassword() {
        return get(LDAP_BIND_PASSWORD);
    }

    /** Returns the LDAP search filter with {user} where the escaped user name goes, such as (uid={user}), or "". */
    public String ldapUserFilter() {
        return get(LDAP_USER_FILTER).strip();
    }

    // Plugins and components.

    /** Returns how long a plugin command may run before it is stopped. */
    public int pluginTimeoutSeconds() {
        return clamp(intValue(PLUGIN_TIMEOUT, DEFAULT_PLUGIN_TIMEOUT_SECONDS), 1, MAX_PLUGIN_TIMEOUT_SECONDS);
    }

    /**
     * Returns the time zone in which dates without a time (item expiry, task due dates) end, from
     * the time_zone setting, or the server's zone when it is empty or not a zone name.
     */
    public ZoneId zone() {
        return TimeZoneName.parse(get(TIME_ZONE).strip()).orElse(ZoneId.systemDefault());
    }

    /** Returns how many days the system log keeps an entry. */
    public int logRetentionDays() {
        return clamp(intValue(LOG_RETENTION, DEFAULT_LOG_RETENTION_DAYS), 1, MAX_LOG_RETENTION_DAYS);
    }

    /** Returns the time of day, in {@link #zone()}, of the daily backup, or empty when scheduled backups are off. */
    public Optional<LocalTime> backupTime() {
        return TimeOfDay.parse(get(BACKUP_TIME).strip());
    }

    /** Returns how many scheduled backup archives the backups folder keeps; older ones are deleted. */
    public int backupKeep() {
        return clamp(intValue(BACKUP_KEEP, DEFAULT_BACKUP_KEEP), 1, MAX_BACKUP_KEEP);
    }

    /** Returns the command template of the plugin, or "" when it is not set. */
    public String plugin(Plugin plugin) {
        return get(plugin.key()).strip();
    }

    /**
     * True when the component is on. A missing key means on, because the setup of this version
     * does not write the component switches. A key present with an empty value is off, because
     * the first-run setup of NodePoint 1.x wrote an unticked box as NULL.
     */
    public boolean isEnabled(Component component) {
        return isOn(component.key(), true);
    }

    public Set<Component> enabledComponents() {
        Set<Component> enabled = new LinkedHashSet<>();
        Arrays.stream(Component.values()).filter(this::isEnabled).forEach(enabled::add);
        return Collections.unmodifiableSet(enabled);
    }

    /**
     * Reads an on/off switch: "on" (any case) is true and every other stored value is false.
     * {@code whenAbsent} applies only when the key is not in the file at all.
     */
    public boolean isOn(String key, boolean whenAbsent) {
        if (!values.containsKey(key)) {
            return whenAbsent;
        }
        return "on".equalsIgnoreCase(get(key).strip());
    }

    private String assetUrl(String key) {
        String url = get(key).strip();
        return PageAssetUrl.isAllowed(url) ? url : "";
    }

    private int level(String key, int fallback) {
        return clamp(intValue(key, fallback), 0, MAX_THRESHOLD_LEVEL);
    }

    private int intValue(String key, int fallback) {
        try {
            return Integer.parseInt(get(key).strip());
        } catch (NumberFormatException invalid) {
            return fallback;
        }
    }

    private long longValue(String key, long fallback) {
        try {
            return Long.parseLong(get(key).strip());
        } catch (NumberFormatException invalid) {
            return fallback;
        }
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
