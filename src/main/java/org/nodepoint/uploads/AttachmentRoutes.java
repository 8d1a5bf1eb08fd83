package org.nodepoint.uploads;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.nodepoint.config.Component;
import org.nodepoint.web.ComponentGate;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.PathIds;
import org.nodepoint.web.Requires;

/**
 * Downloads of ticket attachments. The comment form that uploads them posts to a ticket route.
 * This feature declares that route as an upload path, so that its body may be as large as max_size.
 */
public final class AttachmentRoutes implements FeatureRoutes {
    /** A policy for responses that are never to be rendered as a page: no scripts, plugins or frames. */
    public static final String DOWNLOAD_POLICY = "default-src 'none'; sandbox";

    private final AttachmentService attachments;
    private final ComponentGate gate;

    public AttachmentRoutes(AttachmentService attachments, ComponentGate gate) {
        this.attachments = attachments;
        this.gate = gate;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/attachments/*", gate.require(Component.TICKETS));
        routes.get("/attachments/{id}", this::download, Requires.ANYONE);
    }

    @Override
    public List<String> uploadPaths() {
        return List.of("/tickets/{id}/comments");
    }

    /**
     * Sends the file as a download, never as a page: application/octet-stream, Content-Disposition
     * attachment and nosniff, so that an uploaded HTML or SVG file cannot run in the site's origin.
     */
    private void download(Context ctx) {
        Download download = attachments.open(CurrentViewer.of(ctx), PathIds.of(ctx, "id"));
        ctx.disableCompression();
        ctx.contentType("application/octet-stream");
        ctx.header("Content-Disposition", ContentDisposition.attachment(download.name()));
        ctx.header("Content-Length", String.valueOf(download.size()));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", DOWNLOAD_POLICY);
        ctx.header("Cache-Control", "private, no-cache");
        ctx.result(download.content());
    }
}
