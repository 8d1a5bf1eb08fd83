package org.nodepoint.setup;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;
import org.nodepoint.web.Flash;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Forms;
import org.nodepoint.web.Pages;
import org.nodepoint.web.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** First-run setup in the browser, open only while no administrator password exists. */
public final class SetupRoutes implements FeatureRoutes {
    private static final Logger log = LoggerFactory.getLogger(SetupRoutes.class);

    private final SetupService setup;
    private final SetupCode code;
    private final SettingsStore settings;
    private final Pages pages;
    private final SystemLog systemLog;

    public SetupRoutes(SetupService setup, SetupCode code, SettingsStore settings, Pages pages, SystemLog systemLog) {
        this.setup = setup;
        this.code = code;
        this.settings = settings;
        this.pages = pages;
        this.systemLog = systemLog;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/setup", this::form, Requires.ANYONE);
        routes.post("/setup", this::save, Requires.ANYONE);
    }

    private void form(Context ctx) {
        if (settings.current().isConfigured()) {
            ctx.redirect("/");
            return;
        }
        SetupForm defaults = new SetupForm("admin", "", "", "NodePoint", "Restricted", false, false, "", "");
        pages.render(ctx, "setup/setup.jte", new SetupPage(pages.chrome(ctx), defaults, null, isLoopback(ctx)));
    }

    private void save(Context ctx) {
        if (settings.current().isConfigured()) {
            ctx.redirect("/");
            return;
        }
        SetupForm form = new SetupForm(
                Forms.field(ctx, "adminName"),
                ctx.formParam("password"),
                ctx.formParam("password2"),
                Forms.field(ctx, "siteName"),
                Forms.field(ctx, "ticketVisibility"),
                "on".equals(ctx.formParam("allowRegistrations")),
                "on".equals(ctx.formParam("guestTickets")),
                "",
                "");
        boolean loopback = isLoopback(ctx);
        Forms.onInvalid(ctx, errors -> pages.render(ctx, "setup/setup.jte", new SetupPage(pages.chrome(ctx), blankPasswords(form), errors, loopback)));
        if (!loopback) {
            log.warn("Rejected first-run setup from non-loopback address {}", ctx.req().getRemoteAddr());
            ctx.status(403);
            FieldErrors errors = new FieldErrors().add("setupCode", "setup.loopbackOnly");
            pages.render(ctx, "setup/setup.jte", new SetupPage(pages.chrome(ctx), blankPasswords(form), errors, false));
            return;
        }
        if (!code.matches(ctx.formParam("setupCode"))) {
            new FieldErrors().add("setupCode", "setup.code.invalid").throwIfAny();
        }
        setup.configure(form);
        log.info("First-run setup completed from {}; administrator is {}", ctx.req().getRemoteAddr(), form.adminName());
        systemLog.record(LogCategory.SYSTEM, ctx.req().getRemoteAddr(), "Completed the first-run setup; the administrator is "
                + form.adminName());
        Flash.success(ctx, "setup.done", form.adminName());
        ctx.redirect("/login");
    }

    private static SetupForm blankPasswords(SetupForm form) {
        return new SetupForm(form.adminName(), "", "", form.siteName(), form.ticketVisibility(),
                form.allowRegistrations(), form.guestTickets(), "", "");
    }

    /** Reads the socket's peer address, never a forwarded header, which any client can forge. */
    private static boolean isLoopback(Context ctx) {
        return isLoopbackAddress(ctx.req().getRemoteAddr());
    }

    /** True for an IPv4 or IPv6 loopback literal; host names are never resolved. */
    static boolean isLoopbackAddress(String address) {
        if (address == null || address.isEmpty() || !(address.contains(":") || address.matches("[0-9.]+"))) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException invalid) {
            return false;
        }
    }
}
