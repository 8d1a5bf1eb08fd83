package org.nodepoint.stats;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.nodepoint.config.Settings;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Forms;
import org.nodepoint.web.Pages;
import org.nodepoint.web.Requires;

/** The statistics page of the Tools menu, for users of the reports level (report_lvl) and up. */
public final class StatisticsRoutes implements FeatureRoutes {
    public static final String PATH = "/stats";
    public static final Requires REPORT_READERS = Requires.configured(Settings::reportsLevel);

    private final Statistics statistics;
    private final Pages pages;

    public StatisticsRoutes(Statistics statistics, Pages pages) {
        this.statistics = statistics;
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::show, REPORT_READERS);
    }

    private void show(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        Forms.onInvalid(ctx, errors -> render(ctx, viewer, statistics.filter(null, null), errors));
        StatisticsFilter filter = statistics.filter(ctx.queryParam(StatisticsFilter.MONTH_FIELD), ctx.queryParam(StatisticsFilter.USER_FIELD));
        render(ctx, viewer, filter, null);
    }

    private void render(Context ctx, Viewer viewer, StatisticsFilter filter, FieldErrors errors) {
        StatisticsReport report = statistics.report(viewer, filter);
        pages.render(ctx, "stats/show.jte", new StatisticsPage(pages.chrome(ctx), report, filter, statistics.userOptions(), errors));
    }
}
