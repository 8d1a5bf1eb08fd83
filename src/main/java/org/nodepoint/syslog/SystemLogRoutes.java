package org.nodepoint.syslog;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.users.Level;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Forms;
import org.nodepoint.web.Pages;
import org.nodepoint.web.Paging;
import org.nodepoint.web.Requires;

/** The administrator's system log page, newest entries first, with a text and a category filter. */
public final class SystemLogRoutes implements FeatureRoutes {
    public static final String PATH = "/admin/log";

    private final SystemLog systemLog;
    private final SettingsStore settings;
    private final Pages pages;

    public SystemLogRoutes(SystemLog systemLog, SettingsStore settings, Pages pages) {
        this.systemLog = systemLog;
        this.settings = settings;
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::list, Requires.level(Level.ADMIN));
    }

    private void list(Context ctx) {
        String text = Objects.requireNonNullElse(ctx.queryParam(LogFilter.TEXT_FIELD), "");
        String category = Objects.requireNonNullElse(ctx.queryParam(LogFilter.CATEGORY_FIELD), "");
        int pageSize = settings.current().pageLength();
        int page = Paging.parsePage(ctx.queryParam("page"));
        Forms.onInvalid(ctx, errors -> render(ctx, LogList.EMPTY, new Paging(1, pageSize, 0, ""), text, category, errors));
        LogFilter filter = LogFilter.parse(text, category);
        LogList entries = systemLog.list(filter, (long) (page - 1) * pageSize, pageSize);
        render(ctx, entries, new Paging(page, pageSize, entries.total(), filterQuery(text, category)), text, category, null);
    }

    private void render(Context ctx, LogList entries, Paging paging, String text, String category, FieldErrors errors) {
        pages.render(ctx, "syslog/list.jte", new SystemLogPage(pages.chrome(ctx), entries.rows(), paging, text, category,
                List.of(LogCategory.values()), errors));
    }

    /** Returns the filters as a query string for the page links, leaving out the empty ones. */
    private static String filterQuery(String text, String category) {
        StringJoiner query = new StringJoiner("&");
        if (!text.isBlank()) {
            query.add(LogFilter.TEXT_FIELD + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        }
        if (!category.isBlank()) {
            query.add(LogFilter.CATEGORY_FIELD + "=" + URLEncoder.encode(category, StandardCharsets.UTF_8));
        }
        return query.toString();
    }
}
