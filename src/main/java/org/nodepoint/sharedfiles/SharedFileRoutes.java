package org.nodepoint.sharedfiles;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.nodepoint.config.Component;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.uploads.AttachmentRoutes;
import org.nodepoint.uploads.ContentDisposition;
import org.nodepoint.uploads.Download;
import org.nodepoint.uploads.UploadedFiles;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.ComponentGate;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Flash;
import org.nodepoint.web.Forms;
import org.nodepoint.web.Pages;
import org.nodepoint.web.Paging;
import org.nodepoint.web.PathIds;
import org.nodepoint.web.Requires;

/**
 * The Files page of the Tools menu. The list is for signed-in users of level 1 and above, because
 * it would otherwise hand every download link's file to anyone. Uploads need upload_lvl. The
 * direct link {@code /files/d/{token}} works without signing in.
 */
public final class SharedFileRoutes implements FeatureRoutes {
    private static final Requires UPLOADERS = Requires.configured(Settings::uploadLevel);
    private static final Requires LOG_READERS = Requires.level(Level.USERS_MANAGEMENT);

    private final SharedFiles files;
    private final SettingsStore settings;
    private final Pages pages;
    private final ComponentGate gate;

    public SharedFileRoutes(SharedFiles files, SettingsStore settings, Pages pages, ComponentGate gate) {
        this.files = files;
        this.settings = settings;
        this.pages = pages;
        this.gate = gate;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/files", gate.require(Component.FILES));
        routes.before("/files/*", gate.require(Component.FILES));
        routes.get("/files", this::list, Requires.level(Level.AUTHORIZED));
        routes.post("/files", this::upload, UPLOADERS);
        routes.get("/files/d/{token}", this::downloadByLink, Requires.ANYONE);
        routes.get("/files/log", this::log, LOG_READERS);
        routes.post("/files/log/clear", this::clearLog, LOG_READERS);
        routes.get("/files/{id}/download", this::downloadById, Requires.level(Level.AUTHORIZED));
        routes.post("/files/{id}/link", this::relink, UPLOADERS);
        routes.get("/files/{id}/delete", this::confirmDelete, UPLOADERS);
        routes.post("/files/{id}/delete", this::delete, UPLOADERS);
    }

    @Override
    public List<String> uploadPaths() {
        return List.of("/files");
    }

    private void list(Context ctx) {
        renderList(ctx, null);
    }

    private void renderList(Context ctx, FieldErrors errors) {
        Viewer viewer = CurrentViewer.of(ctx);
        int pageSize = settings.current().pageLength();
        int page = Paging.parsePage(ctx.queryParam("page"));
        SharedFileList list = files.list((long) (page - 1) * pageSize, pageSize);
        List<FileRow> rows = list.rows().stream().map(file -> new FileRow(file, files.canManage(viewer, file))).toList();
        pages.render(ctx, "sharedfiles/list.jte", new SharedFilesPage(pages.chrome(ctx), rows, new Paging(page, pageSize, list.total(), ""),
                files.limits(viewer), viewer.hasLevel(Level.USERS_MANAGEMENT), errors));
    }

    /** Stores the file and shows its link on the response page, the one place where the link is ever shown. */
    private void upload(Context ctx) {
        Forms.onInvalid(ctx, errors -> renderList(ctx, errors));
        NewLink link = files.upload(CurrentViewer.of(ctx), UploadedFiles.of(ctx, SharedFiles.FIELD));
        noStore(ctx);
        pages.render(ctx, "sharedfiles/link.jte", new LinkPage(pages.chrome(ctx), link, true));
    }

    private void relink(Context ctx) {
        NewLink link = files.relink(CurrentViewer.of(ctx), PathIds.of(ctx, "id"));
        noStore(ctx);
        pages.render(ctx, "sharedfiles/link.jte", new LinkPage(pages.chrome(ctx), link, false));
    }

    private void confirmDelete(Context ctx) {
        SharedFile file = managedFile(ctx);
        pages.render(ctx, "sharedfiles/delete.jte", new FileDeletePage(pages.chrome(ctx), file, null));
    }

    /** Deletes the file when the form carries the confirmation page's field, and shows that page again otherwise. */
    private void delete(Context ctx) {
        SharedFile file = managedFile(ctx);
        if (!"yes".equals(Forms.field(ctx, "confirm"))) {
            FieldErrors errors = new FieldErrors().add("confirm", "files.delete.unconfirmed");
            ctx.status(422);
            pages.render(ctx, "sharedfiles/delete.jte", new FileDeletePage(pages.chrome(ctx), file, errors));
            return;
        }
        SharedFile deleted = files.delete(CurrentViewer.of(ctx), file.id());
        Flash.success(ctx, "files.deleted", deleted.originalName());
        ctx.redirect("/files");
    }

    /** Returns the file of the path, after checking that the viewer may delete it and give it a new link. */
    private SharedFile managedFile(Context ctx) {
        SharedFile file = files.find(PathIds.of(ctx, "id"));
        if (!files.canManage(CurrentViewer.of(ctx), file)) {
            throw new ForbiddenException("files.forbidden");
        }
        return file;
    }

    private void downloadByLink(Context ctx) {
        send(ctx, files.openByToken(ctx.pathParam("token"), ctx.req().getRemoteAddr(), CurrentViewer.of(ctx)));
    }

    private void downloadById(Context ctx) {
        send(ctx, files.openById(PathIds.of(ctx, "id"), ctx.req().getRemoteAddr(), CurrentViewer.of(ctx)));
    }

    private void log(Context ctx) {
        int pageSize = settings.current().pageLength();
        int page = Paging.parsePage(ctx.queryParam("page"));
        DownloadList list = files.downloads((long) (page - 1) * pageSize, pageSize);
        pages.render(ctx, "sharedfiles/log.jte", new DownloadLogPage(pages.chrome(ctx), list.rows(),
                new Paging(page, pageSize, list.total(), "")));
    }

    private void clearLog(Context ctx) {
        int deleted = files.clearLog(CurrentViewer.of(ctx));
        Flash.success(ctx, "files.log.cleared", deleted);
        ctx.redirect("/files/log");
    }

    /**
     * Sends the file as a download, never as a page: application/octet-stream, Content-Disposition
     * attachment and nosniff, so that an uploaded HTML or SVG file cannot run in the site's origin.
     * Shared caches must not keep it, because the link may be replaced or the file deleted.
     */
    private static void send(Context ctx, Download download) {
        ctx.disableCompression();
        ctx.contentType("application/octet-stream");
        ctx.header("Content-Disposition", ContentDisposition.attachment(download.name()));
        ctx.header("Content-Length", String.valueOf(download.size()));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", AttachmentRoutes.DOWNLOAD_POLICY);
        ctx.header("Cache-Control", "private, no-cache");
        ctx.result(download.content());
    }

    /** Keeps a page that shows a link out of every cache, since the link is a secret. */
    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }
}
