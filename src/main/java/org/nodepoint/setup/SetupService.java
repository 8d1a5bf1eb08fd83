package org.nodepoint.setup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.nodepoint.config.ApiKeys;
import org.nodepoint.config.Settings;
import org.nodepoint.config.TicketVisibility;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.users.UserService;

/** Writes the first configuration: administrator account, site settings and API keys. */
public final class SetupService {
    private static final Pattern ADMIN_NAME = Pattern.compile("[A-Za-z0-9.-]{3,20}");
    private static final Pattern API_KEY = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    static final int MAX_SITE_NAME_LENGTH = 100;

    private final UserService users;

    public SetupService(UserService users) {
        this.users = users;
    }

    /** Validates the form and stores it; throws ValidationException naming each invalid field. */
    public Map<String, String> configure(SetupForm form) {
        FieldErrors errors = check(form);
        if (users.findByName(form.adminName()).filter(user -> !user.isAdmin()).isPresent()) {
            errors.add("adminName", "setup.adminName.taken");
        }
        errors.throwIfAny();

        TicketVisibility visibility = TicketVisibility.parse(form.ticketVisibility()).orElseThrow();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(Settings.SITE_NAME, form.siteName().isBlank() ? "NodePoint" : form.siteName().strip());
        values.put(Settings.DB_ADDRESS, "db/nodepoint.db");
        values.put(Settings.UPLOAD_FOLDER, "uploads");
        values.put(Settings.TICKET_VISIBILITY, visibility.label());
        values.put(Settings.ALLOW_REGISTRATIONS, form.allowRegistrations() ? "on" : "off");
        values.put(Settings.GUEST_TICKETS, form.guestTickets() ? "on" : "off");
        values.put(Settings.PAGE_LENGTH, String.valueOf(Settings.DEFAULT_PAGE_LENGTH));
        values.put(Settings.SESSION_EXPIRY, "12");
        values.put(Settings.DEFAULT_LEVEL, "1");
        values.put(Settings.API_READ_KEY, form.apiReadKey().isBlank() ? ApiKeys.generate() : form.apiReadKey());
        values.put(Settings.API_WRITE_KEY, form.apiWriteKey().isBlank() ? ApiKeys.generate() : form.apiWriteKey());
        values.put(Settings.API_IMPERSONATION, "off");
        values.put(Settings.HIDE_CLOSED, "off");
        values.put(Settings.NOTICE, "");
        users.configureAdmin(form.adminName(), form.adminPassword(), values);
        return values;
    }

    /** Checks the fields that need no database, so that {@code init} can refuse bad options before creating anything. */
    public static FieldErrors check(SetupForm form) {
        FieldErrors errors = new FieldErrors();
        if (!ADMIN_NAME.matcher(form.adminName()).matches()) {
            errors.add("adminName", "setup.adminName.invalid");
        }
        UserService.checkPassword(form.adminPassword(), errors);
        if (form.adminPasswordAgain() != null && !form.adminPasswordAgain().equals(form.adminPassword())) {
            errors.add("password2", "users.password.mismatch");
        }
        if (form.siteName().length() > MAX_SITE_NAME_LENGTH) {
            errors.add("siteName", "setup.siteName.length", MAX_SITE_NAME_LENGTH);
        }
        if (TicketVisibility.parse(form.ticketVisibility()).isEmpty()) {
            errors.add("ticketVisibility", "setup.ticketVisibility.invalid");
        }
        checkKey(form.apiReadKey(), "apiReadKey", errors);
        checkKey(form.apiWriteKey(), "apiWriteKey", errors);
        return errors;
    }

    private static void checkKey(String key, String field, FieldErrors errors) {
        if (!key.isBlank() && !API_KEY.matcher(key).matches()) {
            errors.add(field, "setup.apiKey.invalid");
        }
    }
}
