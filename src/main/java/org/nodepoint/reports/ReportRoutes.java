package org.nodepoint.reports;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Pages;
import org.nodepoint.web.Paging;
import org.nodepoint.web.Requires;

/**
 * The reports: a list, each report on screen with paging and a total row, and each as a CSV file.
 * A report whose component is off returns 404, as its component's pages do.
 */
public final class ReportRoutes implements FeatureRoutes {
    /** Signed-in users at report_lvl and up. */
    public static final Requires READERS = Requires.configured(Settings::reportsLevel);

    private final ReportService reports;
    private final ReportCatalogue catalogue = new ReportCatalogue();
    private final ReportDownload download;
    private final SettingsStore settings;
    private final Pages pages;

    public ReportRoutes(ReportService reports, SettingsStore settings, Pages pages) {
        this.reports = reports;
        this.download = new ReportDownload(reports);
        this.settings = settings;
        this.pages = pages;
    }

    /**
     * GET /reports, /reports/{n} and /reports/{n}.csv: report_lvl. A report with a higher minimum
     * level (17, the active sign-ins: level 5) has its own two routes, registered first because
     * Javalin serves a request with the first route that matches it.
     */
    @Override
    public void register(RoutesConfig routes) {
        routes.get("/reports", this::index, READERS);
        for (ReportDefinition report : catalogue.all()) {
            if (report.minimumLevel() > 0) {
                Requires role = new Requires(report.minimumLevel(), false, Settings::reportsLevel);
                routes.get("/reports/" + report.number() + ".csv", ctx -> download(ctx, report), role);
                routes.get("/reports/" + report.number(), ctx -> show(ctx, report), role);
            }
        }
        routes.get("/reports/{n}.csv", ctx -> download(ctx, reportOf(ctx)), READERS);
        routes.get("/reports/{n}", ctx -> show(ctx, reportOf(ctx)), READERS);
    }

    private void index(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        List<ReportIndexPage.Entry> entries = new ArrayList<>();
        for (ReportDefinition report : catalogue.all()) {
            if (isOn(report) && viewer.hasLevel(report.minimumLevel())) {
                entries.add(new ReportIndexPage.Entry(report.number(), report.titleKey(), report.descriptionKey()));
            }
        }
        pages.render(ctx, "reports/index.jte", new ReportIndexPage(pages.chrome(ctx), entries));
    }

    private void show(Context ctx, ReportDefinition report) {
        requireOn(report);
        int pageSize = settings.current().pageLength();
        int page = Paging.parsePage(ctx.queryParam("page"));
        ReportTable table = reports.page(CurrentViewer.of(ctx), report, (long) (page - 1) * pageSize, pageSize);
        Paging paging = new Paging(page, pageSize, table.rowCount(), "");
        pages.render(ctx, "reports/show.jte", ReportPages.page(pages.chrome(ctx), report, table, paging));
    }

    private void download(Context ctx, ReportDefinition report) {
        requireOn(report);
        download.send(ctx, report, CurrentViewer.of(ctx), pages.text());
    }

    /**
     * Finds the report that the path names. A report with its own routes is not served here, so
     * that a path which only this route matches can never skip that report's stricter rule.
     */
    private ReportDefinition reportOf(Context ctx) {
        return catalogue.find(ctx.pathParam("n")).filter(report -> report.minimumLevel() == 0)
                .orElseThrow(() -> new NotFoundException("error.notFound.page"));
    }

    private void requireOn(ReportDefinition report) {
        if (!isOn(report)) {
            throw new NotFoundException("error.notFound.page");
        }
    }

    private boolean isOn(ReportDefinition report) {
        return report.component() == null || settings.current().isEnabled(report.component());
    }
}
