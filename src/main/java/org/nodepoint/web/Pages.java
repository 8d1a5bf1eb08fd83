package org.nodepoint.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import io.javalin.http.Context;
import java.nio.file.Path;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;

/** Renders jte templates, each with one typed page record, inside the shared page chrome. */
public final class Pages {
    private final TemplateEngine engine;
    private final SettingsStore settings;
    private final Csrf csrf;
    private final Text text;

    public Pages(TemplateEngine engine, SettingsStore settings, Csrf csrf, Text text) {
        this.engine = engine;
        this.settings = settings;
        this.csrf = csrf;
        this.text = text;
    }

    /**
     * Returns the template engine: precompiled classes from the JAR, or with {@code devTemplates}
     * the .jte files of that folder, recompiled when they change (this needs a JDK).
     */
    public static TemplateEngine engine(Path devTemplates) {
        if (devTemplates == null) {
            return TemplateEngine.createPrecompiled(ContentType.Html);
        }
        TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(devTemplates), Path.of("target", "jte-dev-classes"), ContentType.Html);
        engine.setTrimControlStructures(true);
        return engine;
    }

    public Text text() {
        return text;
    }

    public Chrome chrome(Context ctx) {
        Settings current = settings.current();
        return new Chrome(
                text,
                current.siteName(),
                current.notice(),
                CurrentViewer.of(ctx),
                csrf.tokenFor(ctx),
                Flash.take(ctx).orElse(null),
                ctx.path(),
                current.guestTickets(),
                current.allowRegistrations());
    }

    public void render(Context ctx, String template, Object page) {
        StringOutput output = new StringOutput();
        engine.render(template, page, output);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(output.toString());
    }
}
