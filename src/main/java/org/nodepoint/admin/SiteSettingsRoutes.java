package org.nodepoint.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nodepoint.config.Settings;
import org.nodepoint.directory.ConnectionCheck;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.mail.TestMailService;
import org.nodepoint.users.Level;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Flash;
import org.nodepoint.web.Forms;
import org.nodepoint.web.Pages;
import org.nodepoint.web.Requires;

/** The administrator's settings page, the API key replacement, the test e-mail and the directory connection test. */
public final class SiteSettingsRoutes implements FeatureRoutes {
    private static final String PATH = "/admin/settings";

    private final SiteSettingsService service;
    private final TestMailService testMail;
    private final ConnectionCheck directoryCheck;
    private final Pages pages;

    public SiteSettingsRoutes(SiteSettingsService service, TestMailService testMail, ConnectionCheck directoryCheck, Pages pages) {
        this.service = service;
        this.testMail = testMail;
        this.directoryCheck = directoryCheck;
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::editForm, Requires.level(Level.ADMIN));
        routes.post(PATH, this::update, Requires.level(Level.ADMIN));
        routes.post(PATH + "/api-keys", this::regenerateApiKeys, Requires.level(Level.ADMIN));
        routes.post(PATH + "/test-mail", this::sendTestMail, Requires.level(Level.ADMIN));
        routes.post(PATH + "/test-directory", this::testDirectory, Requires.level(Level.ADMIN));
    }

    private void editForm(Context ctx) {
        render(ctx, service.currentValues(), Set.of(), null, testMail.ownAddress(CurrentViewer.of(ctx)));
    }

    private void update(Context ctx) {
        SettingsSubmission submission = read(ctx);
        Forms.onInvalid(ctx, errors -> render(ctx, withoutPasswords(submission.values()), submission.clearedSecrets(), errors,
                testMail.ownAddress(CurrentViewer.of(ctx))));
        List<String> changed = service.save(CurrentViewer.of(ctx), submission);
        Flash.success(ctx, changed.isEmpty() ? "settings.unchanged" : "settings.saved", changed.size());
        ctx.redirect(PATH);
    }

    /** Shows the new keys on this response, never after a redirect, so that they are not stored in a cookie. */
    private void regenerateApiKeys(Context ctx) {
        if (!"on".equals(ctx.formParam("confirm"))) {
            Flash.error(ctx, "settings.keys.unconfirmed", null);
            ctx.redirect(PATH + "#section-api");
            return;
        }
        SiteSettingsService.NewApiKeys keys = service.regenerateApiKeys(CurrentViewer.of(ctx));
        ctx.header("Cache-Control", "no-store");
        pages.render(ctx, "admin/api_keys.jte", new ApiKeysPage(pages.chrome(ctx), keys.readKey(), keys.writeKey()));
    }

    /** Sends with the saved settings and shows the outcome, or the server's error, as a message on the settings page. */
    private void sendTestMail(Context ctx) {
        String address = Forms.field(ctx, TestMailService.ADDRESS_FIELD);
        Forms.onInvalid(ctx, errors -> render(ctx, service.currentValues(), Set.of(), errors, address));
        TestMailService.Result result = testMail.send(CurrentViewer.of(ctx), address);
        if (result.sent()) {
            Flash.success(ctx, result.messageKey(), result.value());
        } else {
            Flash.error(ctx, result.messageKey(), result.value());
        }
        ctx.redirect(PATH + "#test-mail");
    }

    /** Connects with the saved settings and shows the outcome, or the directory's error, as a message on the settings page. */
    private void testDirectory(Context ctx) {
        ConnectionCheck.Report report = directoryCheck.run(CurrentViewer.of(ctx));
        if (report.succeeded()) {
            Flash.success(ctx, report.messageKey(), report.value());
        } else {
            Flash.error(ctx, report.messageKey(), report.value());
        }
        ctx.redirect(PATH + "#test-directory");
    }

    private void render(Context ctx, Map<String, String> values, Set<String> clearedSecrets, FieldErrors errors, String testMailAddress) {
        pages.render(ctx, "admin/settings.jte", new SiteSettingsPage(pages.chrome(ctx), SettingsCatalogue.SECTIONS, values,
                service.storedSecrets(), clearedSecrets, testMailAddress, errors));
    }

    /**
     * Reads every field of the catalogue. A switch is sent as a hidden "off" followed by the
     * checkbox's "on" when it is ticked, so a missing switch means a form from another page or
     * version, which validation rejects instead of reading it as "off".
     */
    private static SettingsSubmission read(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> clearedSecrets = new HashSet<>();
        for (SettingsField field : SettingsCatalogue.FIELDS) {
            values.put(field.key(), switch (field.kind()) {
                case SWITCH -> switchValue(ctx.formParams(field.key()));
                case SECRET -> ctx.formParam(field.key());
                case CERTIFICATE -> oneLine(ctx.formParam(field.key()));
                default -> stripped(ctx.formParam(field.key()));
            });
            if (field.kind() == SettingsField.Kind.SECRET && "on".equals(ctx.formParam(SettingsSubmission.clearField(field.key())))) {
                clearedSecrets.add(field.key());
            }
        }
        return new SettingsSubmission(values, clearedSecrets);
    }

    /** Joins the lines of pasted PEM text with spaces, because nodepoint.cfg stores one line per key. */
    private static String oneLine(String value) {
        return value == null ? null : value.replaceAll("[\\r\\n]+", " ").strip();
    }

    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }

    private static String switchValue(List<String> sent) {
        if (sent.isEmpty()) {
            return null;
        }
        return sent.contains("on") ? "on" : sent.get(sent.size() - 1);
    }

    private static Map<String, String> withoutPasswords(Map<String, String> values) {
        Map<String, String> formValues = new LinkedHashMap<>(values);
        SettingsCatalogue.FIELDS.stream().filter(field -> field.kind() == SettingsField.Kind.SECRET).forEach(field -> formValues.put(field.key(), ""));
        return formValues;
    }
}
