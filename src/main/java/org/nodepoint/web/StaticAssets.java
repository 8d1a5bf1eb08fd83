package org.nodepoint.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Serves the style sheets, scripts, fonts and images packed in the JAR: NodePoint's own under
 * {@code /static} and the WebJars under {@code /webjars}. Javalin's classpath static files mount the
 * whole shaded JAR as a zip file system and keep its index of every entry, which measured 38 MB of
 * resident memory for a JAR of 9,700 entries. Reading single resources through the class loader keeps
 * only the files that browsers request.
 */
final class StaticAssets implements FeatureRoutes {
    /** Relative paths of plain names and folders only, so that no request can leave the asset folder. */
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "map", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff", "font/woff",
            "woff2", "font/woff2",
            "txt", "text/plain; charset=utf-8");

    /** One folder of assets on the class path, served under a URL prefix with its own caching rule. */
    private record Folder(String urlPrefix, String classPathFolder, String cacheControl) {
    }

    private record Asset(byte[] body, String contentType, String etag) {
    }

    private static final Folder OWN = new Folder("/static", "static/", "max-age=3600");
    // WebJar paths contain the library's version, so browsers may keep them for a year.
    private static final Folder WEBJARS = new Folder("/webjars", "META-INF/resources/webjars/", "max-age=31536000, immutable");

    private final ClassLoader classLoader = StaticAssets.class.getClassLoader();
    /** Each requested path, found or not; the keys are limited to SAFE_PATH names with a known extension. */
    private final Map<String, Optional<Asset>> loaded = new ConcurrentHashMap<>();

    @Override
    public void register(RoutesConfig routes) {
        for (Folder folder : new Folder[] {OWN, WEBJARS}) {
            routes.get(folder.urlPrefix() + "/<path>", ctx -> serve(ctx, folder), Requires.ANYONE);
        }
    }

    private void serve(Context ctx, Folder folder) {
        String path = ctx.pathParam("path");
        String contentType = CONTENT_TYPES.get(extension(path));
        if (contentType == null || !SAFE_PATH.matcher(path).matches()) {
            throw new NotFoundResponse();
        }
        String resource = folder.classPathFolder() + path;
        Asset asset = loaded.computeIfAbsent(resource, name -> load(name, contentType)).orElseThrow(NotFoundResponse::new);
        ctx.header("Cache-Control", folder.cacheControl());
        ctx.header("ETag", asset.etag());
        if (asset.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType());
        ctx.result(asset.body());
    }

    private Optional<Asset> load(String resource, String contentType) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            CRC32 checksum = new CRC32();
            checksum.update(body);
            String etag = "\"" + HexFormat.of().toHexDigits((int) checksum.getValue()) + "-" + Integer.toHexString(body.length) + "\"";
            return Optional.of(new Asset(body, contentType, etag));
        } catch (IOException failure) {
            throw new UncheckedIOException("Failed to read the asset " + resource + " from the class path", failure);
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1);
    }
}
