package org.nodepoint.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.util.MultipartUtil;
import jakarta.servlet.MultipartConfigElement;
import io.javalin.config.SizeUnit;
import io.javalin.security.RouteRole;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.nodepoint.auth.SessionService;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.errors.TooLargeException;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.nodepoint.uploads.FileSize;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin application: security headers, session look-up, first-run redirect, the one
 * access check every route passes, CSRF, error pages and the access log.
 */
public final class WebApp {
    private static final Logger accessLog = LoggerFactory.getLogger("org.nodepoint.access");
    public static final String SESSION_COOKIE = "np_session";
    /** The form where a user whose password was reset chooses a new one; other pages redirect there until then. */
    public static final String PASSWORD_CHANGE_PATH = "/settings/password";
    /** Paths that serve the NodePoint 1.x JSON API when the request carries an {@code api} parameter. */
    public static final List<String> LEGACY_API_PATHS = List.of("/", "/nodepoint", "/nodepoint/", "/nodepoint/nodepoint.cgi");
    /** The path of shared files' download links, whose last segment is a secret token that the access log leaves out. */
    public static final String FILE_LINK_PREFIX = "/files/d/";

    /** The largest request body accepted, in bytes, except on upload routes. */
    static final int MAX_REQUEST_BYTES = 1_000_000;
    /**
     * Room for the form fields and part headers around the files of an upload, on top of max_size:
     * a comment of 10,000 characters takes at most 40,000 bytes of UTF-8.
     */
    static final int UPLOAD_FORM_BYTES = 64 * 1024;
    /** Multipart parts up to this size stay in memory; larger ones go to a temporary file. */
    private static final int MULTIPART_MEMORY_BYTES = 64 * 1024;
    private static final String UPLOAD_LIMIT = "np.uploadLimit";
    private static final int MAX_REQUEST_THREADS = 48;
    private static final int MIN_REQUEST_THREADS = 8;
    private static final Duration THREAD_IDLE_TIMEOUT = Duration.ofMinutes(1);
    private static final Set<HandlerType> ENDPOINT_METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);
    private static final Set<HandlerType> STATE_CHANGING = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final SettingsStore settings;
    private final SessionService sessions;
    private final Csrf csrf;
    private final Pages pages;
    private final Database database;
    private final ErrorHandling errors;
    private final boolean trustProxy;
    private final ContentSecurityPolicy contentSecurityPolicy = new ContentSecurityPolicy();

    public WebApp(SettingsStore settings, SessionService sessions, Csrf csrf, Pages pages, Database database, boolean trustProxy) {
        this.trustProxy = trustProxy;
        this.settings = settings;
        this.sessions = sessions;
        this.csrf = csrf;
        this.pages = pages;
        this.database = database;
        this.errors = new ErrorHandling(pages);
    }

    public Javalin create(List<FeatureRoutes> features) {
        return Javalin.create(config -> {
            configureServer(config);
            config.events.handlerAdded(handler -> {
                if (ENDPOINT_METHODS.contains(handler.getHttpMethod())) {
                    requireOneRole(handler.getPath(), handler.getRoles());
                }
            });
            config.routes.before(this::addSecurityHeaders);
            features.forEach(feature -> feature.uploadPaths().forEach(path -> config.routes.before(path, this::allowUpload)));
            config.routes.before(this::rejectLargeBodies);
            config.routes.before(this::resolveViewer);
            config.routes.before(this::redirectUntilConfigured);
            config.routes.before(WebApp::redirectToPasswordChange);
            config.routes.beforeMatched(this::checkAccess);
            config.routes.get("/health", this::health, Requires.ANYONE);
            new StaticAssets().register(config.routes);
            features.forEach(feature -> feature.register(config.routes));
            errors.register(config.routes);
        });
    }

    private void configureServer(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.jetty.threadPool = requestThreads();
        config.jetty.modifyServer(server -> server.setErrorHandler(new BareErrorHandler()));
        if (trustProxy) {
            // Secure cookies, the loopback check of the setup page and the sign-in throttle then see the client, not the proxy.
            config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new ForwardedRequestCustomizer()));
        }
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = MAX_REQUEST_BYTES;
        // The request size limit above covers only bodies read whole; multipart bodies have their own.
        config.jetty.multipartConfig.maxFileSize(MAX_REQUEST_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(MAX_REQUEST_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(MULTIPART_MEMORY_BYTES, SizeUnit.BYTES);
        config.requestLogger.http(this::logRequest);
    }

    /**
     * Creates the request thread pool. SQLite serves at most four readers and one writer at a time,
     * so more threads than a few dozen only queue on the connection pool. Under overload each extra
     * thread also costs memory for its stack and native buffers (Javalin's default allows 250).
     * Requests beyond the limit wait in Jetty's queue instead.
     */
    private static QueuedThreadPool requestThreads() {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_REQUEST_THREADS, MIN_REQUEST_THREADS, (int) THREAD_IDLE_TIMEOUT.toMillis());
        threads.setName("JettyServerThreadPool");
        return threads;
    }

    private static void requireOneRole(String path, Set<RouteRole> roles) {
        if (roles.size() != 1 || !(roles.iterator().next() instanceof Requires)) {
            throw new IllegalStateException("Route " + path + " must declare exactly one Requires access rule");
        }
    }

    /**
     * Raises the body limit of an upload route's request to max_size plus {@link #UPLOAD_FORM_BYTES},
     * read from the settings at each request, for the size check below and for the multipart parser.
     */
    private void allowUpload(Context ctx) {
        long limit = settings.current().maxUploadBytes() + UPLOAD_FORM_BYTES;
        ctx.attribute(UPLOAD_LIMIT, limit);
        ctx.req().setAttribute(MultipartUtil.MULTIPART_CONFIG_ATTRIBUTE,
                new MultipartConfigElement(System.getProperty("java.io.tmpdir"), limit, limit, MULTIPART_MEMORY_BYTES));
    }

    /**
     * Rejects a declared body over the limit before any of it is read, whatever its content type.
     * An upload must declare its length, so that one over the limit is rejected with a message
     * naming max_size rather than cut off by the multipart parser.
     */
    private void rejectLargeBodies(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        Long uploadLimit = ctx.attribute(UPLOAD_LIMIT);
        if (uploadLimit == null) {
            if (length > MAX_REQUEST_BYTES) {
                throw new HttpResponseException(413, "error.tooLarge");
            }
            return;
        }
        if (length < 0 && ctx.isMultipartFormData()) {
            throw new HttpResponseException(411, "error.lengthRequired");
        }
        if (length > uploadLimit) {
            long maxFileBytes = settings.current().maxUploadBytes();
            throw new TooLargeException("error.upload.tooLarge", FileSize.exact(maxFileBytes), FileSize.format(maxFileBytes));
        }
    }

    private void addSecurityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", contentSecurityPolicy.headerFor(settings.current()));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
    }

    private void resolveViewer(Context ctx) {
        if (isLegacyApiCall(ctx) || ctx.path().startsWith("/static/") || ctx.path().startsWith("/webjars/")) {
            return;
        }
        sessions.resolve(ctx.cookie(SESSION_COOKIE)).ifPresent(session -> {
            CurrentViewer.set(ctx, Viewer.of(session.user()), session.csrfToken());
            if (session.user().mustChangePassword()) {
                CurrentViewer.requirePasswordChange(ctx);
            }
        });
    }

    /**
     * Sends a user who must choose a new password to the password form, from every page but that
     * form, sign-out and the health check. Assets and legacy API calls are left alone, since no
     * session is resolved for them.
     */
    private static void redirectToPasswordChange(Context ctx) {
        if (!CurrentViewer.mustChangePassword(ctx)) {
            return;
        }
        String path = ctx.path();
        if (path.equals(PASSWORD_CHANGE_PATH) || path.equals("/logout") || path.equals("/health")) {
            return;
        }
        ctx.redirect(PASSWORD_CHANGE_PATH);
        ctx.skipRemainingHandlers();
    }

    private void redirectUntilConfigured(Context ctx) {
        if (settings.current().isConfigured()) {
            return;
        }
        String path = ctx.path();
        boolean exempt = path.equals("/setup") || path.equals("/health") || path.startsWith("/static/")
                || path.startsWith("/webjars/") || isLegacyApiCall(ctx);
        if (!exempt) {
            ctx.redirect("/setup");
            ctx.skipRemainingHandlers();
        }
    }

    /** Applies the route's {@link Requires} rule, then the CSRF check to every state-changing form. */
    private void checkAccess(Context ctx) {
        if (ctx.method() == HandlerType.HEAD) {
            // Javalin runs HEAD through the GET route without its roles, so the access rule is unknown here.
            ctx.header("Allow", "GET, POST");
            throw new HttpResponseException(405, "error.headNotAllowed");
        }
        Requires rule = (Requires) ctx.routeRoles().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No access rule on " + ctx.path()));
        if (rule.apiKey()) {
            return;
        }
        Viewer viewer = CurrentViewer.of(ctx);
        int required = rule.requiredLevel(settings.current());
        if (!viewer.hasLevel(required)) {
            errors.denyAccess(ctx, viewer, required);
            return;
        }
        if (STATE_CHANGING.contains(ctx.method())) {
            csrf.verify(ctx);
        }
    }

    private void health(Context ctx) {
        boolean healthy = database.isHealthy();
        // A fixed body: serialising it with Jackson would load the whole JSON stack on the first request.
        ctx.status(healthy ? 200 : 503).contentType("application/json").result(healthy ? "{\"status\":\"ok\"}" : "{\"status\":\"unavailable\"}");
    }

    /** Logs one line per request. The query string is left out because legacy API calls carry their key there. */
    private void logRequest(Context ctx, Float millis) {
        Viewer viewer = CurrentViewer.of(ctx);
        accessLog.info("{} {} {} {}ms user={}", ctx.method(), loggedPath(ctx.path()), ctx.statusCode(), Math.round(millis),
                viewer.isGuest() ? "-" : viewer.userId());
    }

    /** Returns the path for the access log, with the token of a shared file's download link left out. */
    static String loggedPath(String path) {
        return path.startsWith(FILE_LINK_PREFIX) ? FILE_LINK_PREFIX + "(token)" : path;
    }

    /** True for a request to a legacy API path that names an {@code api} call. */
    public static boolean isLegacyApiCall(Context ctx) {
        if (!LEGACY_API_PATHS.contains(ctx.path())) {
            return false;
        }
        String call = HandlerType.POST.equals(ctx.method()) ? ctx.formParam("api") : ctx.queryParam("api");
        return call != null && !call.isEmpty();
    }

}
