package org.nodepoint.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.config.Terminology;
import org.nodepoint.users.Viewer;

/** Renders jte templates, each with one typed page record, inside the shared page chrome. */
public final class Pages {
    /** The rule of the custom forms pages, which FormRoutes also gives its routes. */
    private static final Requires CUSTOM_FORMS = Requires.configured(Settings::customFormsLevel);
    private static final Requires REPORTS = Requires.configured(Settings::reportsLevel);

    private final TemplateEngine engine;
    private final SettingsStore settings;
    private final Csrf csrf;
    /** The UI texts with the words of each terminology, so that a change of items_managed shows on the next page. */
    private final Map<Terminology, Text> texts = new EnumMap<>(Terminology.class);

    public Pages(TemplateEngine engine, SettingsStore settings, Csrf csrf, Text text) {
        this.engine = engine;
        this.settings = settings;
        this.csrf = csrf;
        for (Terminology terminology : Terminology.values()) {
            texts.put(terminology, text.withTerms(terminology));
        }
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

    /** Returns the UI texts with the wording that the settings choose now. */
    public Text text() {
        return texts.get(settings.current().terminology());
    }

    public Chrome chrome(Context ctx) {
        Settings current = settings.current();
        Viewer viewer = CurrentViewer.of(ctx);
        return new Chrome(
                texts.get(current.terminology()),
                current.siteName(),
                current.notice(),
                viewer,
                csrf.tokenFor(ctx),
                Flash.take(ctx).orElse(null),
                ctx.path(),
                current.guestTickets(),
                current.allowRegistrations(),
                Appearance.of(current),
                current.enabledComponents(),
                viewer.hasLevel(CUSTOM_FORMS.requiredLevel(current)),
                viewer.hasLevel(REPORTS.requiredLevel(current)));
    }

    public void render(Context ctx, String template, Object page) {
        StringOutput output = new StringOutput();
        engine.render(template, page, output);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(output.toString());
    }
}
