package org.nodepoint.admin;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.nodepoint.admin.SettingsField.Choice;
import org.nodepoint.admin.SettingsField.Kind;
import org.nodepoint.config.Component;
import org.nodepoint.config.DirectorySecurity;
import org.nodepoint.config.PageAssetUrl;
import org.nodepoint.config.PublicUrl;
import org.nodepoint.config.Plugin;
import org.nodepoint.config.Settings;
import org.nodepoint.config.TimeOfDay;
import org.nodepoint.config.TimeZoneName;
import org.nodepoint.config.SmtpSecurity;
import org.nodepoint.config.Terminology;
import org.nodepoint.config.ThemeColor;
import org.nodepoint.config.TicketVisibility;

/**
 * Every option of the settings page, in page order. Keys that the page does not show (the
 * administrator account, API keys, db_address, upload_folder, enc_key and any unknown key) are
 * never written by it, so a save keeps them unchanged.
 */
final class SettingsCatalogue {
    static final int MAX_TEXT_LENGTH = 1000;
    static final int MAX_SITE_NAME_LENGTH = 100;
    static final int MAX_HOST_LENGTH = 253;
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_CREDENTIAL_LENGTH = 200;
    static final int MAX_DOMAIN_LENGTH = 64;
    static final int MAX_EXTENSIONS_LENGTH = 500;
    /** Enough for a CA bundle of several PEM certificates. */
    static final int MAX_CERTIFICATE_LENGTH = 20_000;
    static final int MAX_DN_LENGTH = 500;

    private static final List<Choice> LEVELS = IntStream.rangeClosed(0, Settings.MAX_THRESHOLD_LEVEL)
            .mapToObj(level -> new Choice(String.valueOf(level), "settings.level." + level)).toList();

    static final List<SettingsSection> SECTIONS = List.of(
            new SettingsSection("general", List.of(
                    text(Settings.SITE_NAME, 1, MAX_SITE_NAME_LENGTH, Settings::siteName),
                    new SettingsField(Settings.PUBLIC_URL, Kind.PUBLIC_URL, 0, PublicUrl.MAX_LENGTH, List.of(), Settings::publicUrl),
                    text(Settings.NOTICE, 0, MAX_TEXT_LENGTH, settings -> settings.get(Settings.NOTICE)),
                    choice(Settings.THEME_COLOR, themeColors(), settings -> String.valueOf(settings.themeColor().number())),
                    assetUrl(Settings.STYLESHEET, Settings::stylesheetUrl),
                    assetUrl(Settings.FAVICON, Settings::faviconUrl),
                    assetUrl(Settings.LOGO, Settings::logoUrl),
                    choice(Settings.TERMINOLOGY, terminologies(), settings -> settings.terminology().storedValue()),
                    number(Settings.PAGE_LENGTH, Settings.MIN_PAGE_LENGTH, Settings.MAX_PAGE_LENGTH, Settings::pageLength),
                    new SettingsField(Settings.TIME_ZONE, Kind.TIME_ZONE, 0, TimeZoneName.MAX_LENGTH, List.of(),
                            settings -> settings.get(Settings.TIME_ZONE).strip()),
                    number(Settings.LOG_RETENTION, 1, Settings.MAX_LOG_RETENTION_DAYS, Settings::logRetentionDays),
                    new SettingsField(Settings.BACKUP_TIME, Kind.TIME_OF_DAY, 0, TimeOfDay.MAX_LENGTH, List.of(),
                            settings -> settings.get(Settings.BACKUP_TIME).strip()),
                    number(Settings.BACKUP_KEEP, 1, Settings.MAX_BACKUP_KEEP, Settings::backupKeep),
                    new SettingsField(Settings.PINNED_ARTICLE, Kind.OPTIONAL_NUMBER, 1, Integer.MAX_VALUE, List.of(),
                            settings -> settings.pinnedArticleId().isPresent() ? String.valueOf(settings.pinnedArticleId().getAsLong()) : ""))),
            new SettingsSection("tickets", List.of(
                    choice(Settings.TICKET_VISIBILITY, ticketVisibilities(), settings -> settings.ticketVisibility().label()),
                    onOff(Settings.GUEST_TICKETS, Settings::guestTickets),
                    onOff(Settings.HIDE_CLOSED, Settings::hideClosed),
                    onOff(Settings.NEED_ASSIGN, Settings::needAssign),
                    new SettingsField(Settings.MAX_UPLOAD_SIZE, Kind.NUMBER, 1, Settings.MAX_UPLOAD_BYTES, List.of(),
                            settings -> String.valueOf(settings.maxUploadBytes())),
                    new SettingsField(Settings.UPLOAD_EXTENSIONS, Kind.EXTENSIONS, 0, MAX_EXTENSIONS_LENGTH, List.of(),
                            settings -> settings.get(Settings.UPLOAD_EXTENSIONS).strip()))),
            new SettingsSection("levels", List.of(
                    level(Settings.DEFAULT_LEVEL, Settings::defaultLevel),
                    level(Settings.UPLOAD_LEVEL, Settings::uploadLevel),
                    level(Settings.PAST_EDIT_LEVEL, Settings::pastEditLevel),
                    level(Settings.CUSTOM_FORMS_LEVEL, Settings::customFormsLevel),
                    level(Settings.REPORTS_LEVEL, Settings::reportsLevel),
                    level(Settings.TASKS_LEVEL, Settings::tasksLevel),
                    level(Settings.USER_DETAILS_LEVEL, Settings::userDetailsLevel),
                    level(Settings.CLIENTS_LEVEL, Settings::clientsLevel),
                    level(Settings.CLIENT_EVENTS_LEVEL, Settings::clientEventsLevel),
                    level(Settings.AUTOMATION_LEVEL, Settings::automationLevel),
                    level(Settings.ADD_SECRETS_LEVEL, Settings::addSecretsLevel),
                    level(Settings.VIEW_SECRETS_LEVEL, Settings::viewSecretsLevel))),
            new SettingsSection("signIn", List.of(
                    onOff(Settings.ALLOW_REGISTRATIONS, Settings::allowRegistrations),
                    number(Settings.SESSION_EXPIRY, 1, Settings.MAX_SESSION_EXPIRY_HOURS, Settings::sessionExpiryHours),
                    number(Settings.MIN_PASSWORD_LENGTH, Settings.LOWEST_MIN_PASSWORD_LENGTH, Settings.HIGHEST_MIN_PASSWORD_LENGTH,
                            Settings::minPasswordLength))),
            new SettingsSection("api", List.of(
                    onOff(Settings.API_IMPERSONATION, Settings::apiImpersonation))),
            new SettingsSection("mail", List.of(
                    new SettingsField(Settings.SMTP_SERVER, Kind.HOST, 0, MAX_HOST_LENGTH, List.of(), Settings::smtpServer),
                    number(Settings.SMTP_PORT, 1, 65_535, Settings::smtpPort),
                    choice(Settings.SMTP_SECURITY, smtpSecurities(), settings -> settings.smtpSecurity().storedValue()),
                    text(Settings.SMTP_USER, 0, MAX_CREDENTIAL_LENGTH, Settings::smtpUser),
                    new SettingsField(Settings.SMTP_PASSWORD, Kind.SECRET, 0, MAX_CREDENTIAL_LENGTH, List.of(), settings -> ""),
                    new SettingsField(Settings.SMTP_FROM, Kind.EMAIL, 0, MAX_EMAIL_LENGTH, List.of(), Settings::smtpFrom),
                    text(Settings.EMAIL_SIGNATURE, 0, MAX_TEXT_LENGTH, Settings::emailSignature))),
            new SettingsSection("directory", List.of(
                    new SettingsField(Settings.AD_SERVER, Kind.HOST, 0, MAX_HOST_LENGTH, List.of(), Settings::adServer),
                    new SettingsField(Settings.AD_PORT, Kind.OPTIONAL_NUMBER, 1, 65_535, List.of(), SettingsCatalogue::directoryPort),
                    choice(Settings.AD_SECURITY, directorySecurities(), settings -> settings.adSecurity().storedValue()),
                    new SettingsField(Settings.AD_CA_CERTIFICATE, Kind.CERTIFICATE, 0, MAX_CERTIFICATE_LENGTH, List.of(),
                            Settings::adCaCertificate),
                    number(Settings.AD_TIMEOUT, 1, Settings.MAX_DIRECTORY_TIMEOUT_SECONDS, Settings::adTimeoutSeconds),
                    new SettingsField(Settings.AD_DOMAIN, Kind.DOMAIN, 0, MAX_DOMAIN_LENGTH, List.of(), Settings::adDomain),
                    new SettingsField(Settings.LDAP_BASE_DN, Kind.DN, 0, MAX_DN_LENGTH, List.of(), Settings::ldapBaseDn),
                    new SettingsField(Settings.LDAP_USER_FILTER, Kind.USER_FILTER, 0, MAX_DN_LENGTH, List.of(), Settings::ldapUserFilter),
                    new SettingsField(Settings.LDAP_BIND_DN, Kind.DN, 0, MAX_DN_LENGTH, List.of(), Settings::ldapBindDn),
                    new SettingsField(Settings.LDAP_BIND_PASSWORD, Kind.SECRET, 0, MAX_CREDENTIAL_LENGTH, List.of(), settings -> ""))),
            new SettingsSection("plugins", Stream.concat(
                    Arrays.stream(Plugin.values()).map(plugin -> text(plugin.key(), 0, MAX_TEXT_LENGTH, settings -> settings.plugin(plugin))),
                    Stream.of(number(Settings.PLUGIN_TIMEOUT, 1, Settings.MAX_PLUGIN_TIMEOUT_SECONDS, Settings::pluginTimeoutSeconds)))
                    .toList()),
            new SettingsSection("components", Arrays.stream(Component.values())
                    .map(component -> onOff(component.key(), settings -> settings.isEnabled(component))).toList()));

    static final List<SettingsField> FIELDS = SECTIONS.stream().flatMap(section -> section.fields().stream()).toList();

    private SettingsCatalogue() {
    }

    private static SettingsField text(String key, int minLength, int maxLength, Function<Settings, String> current) {
        return new SettingsField(key, Kind.TEXT, minLength, maxLength, List.of(), current);
    }

    private static SettingsField assetUrl(String key, Function<Settings, String> current) {
        return new SettingsField(key, Kind.ASSET_URL, 0, PageAssetUrl.MAX_LENGTH, List.of(), current);
    }

    private static SettingsField number(String key, long min, long max, Function<Settings, Integer> current) {
        return new SettingsField(key, Kind.NUMBER, min, max, List.of(), settings -> String.valueOf(current.apply(settings)));
    }

    private static SettingsField level(String key, Function<Settings, Integer> current) {
        return new SettingsField(key, Kind.LEVEL, 0, Settings.MAX_THRESHOLD_LEVEL, LEVELS, settings -> String.valueOf(current.apply(settings)));
    }

    private static SettingsField choice(String key, List<Choice> choices, Function<Settings, String> current) {
        return new SettingsField(key, Kind.CHOICE, 0, 0, choices, current);
    }

    private static SettingsField onOff(String key, Function<Settings, Boolean> current) {
        return new SettingsField(key, Kind.SWITCH, 0, 0, List.of(), settings -> current.apply(settings) ? "on" : "off");
    }

    private static List<Choice> themeColors() {
        return Arrays.stream(ThemeColor.values())
                .map(color -> new Choice(String.valueOf(color.number()), "settings.theme_color." + color.name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    private static List<Choice> terminologies() {
        return Arrays.stream(Terminology.values()).map(terms -> new Choice(terms.storedValue(), "terms." + terms.id() + ".label")).toList();
    }

    private static List<Choice> ticketVisibilities() {
        return Arrays.stream(TicketVisibility.values()).map(rule -> new Choice(rule.label(), "visibility.ticket." + rule.label())).toList();
    }

    private static List<Choice> directorySecurities() {
        return Arrays.stream(DirectorySecurity.values()).map(mode -> new Choice(mode.storedValue(), "settings.ad_tls." + mode.storedValue())).toList();
    }

    /** Returns the port as stored, or "" when none is set and the security's usual port applies. */
    private static String directoryPort(Settings settings) {
        String stored = settings.get(Settings.AD_PORT).strip();
        return stored.isEmpty() ? "" : String.valueOf(settings.adPort());
    }

    private static List<Choice> smtpSecurities() {
        return Arrays.stream(SmtpSecurity.values()).map(mode -> new Choice(mode.storedValue(), "settings.smtp_tls." + mode.storedValue())).toList();
    }
}
