package org.nodepoint.web;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.nodepoint.config.PageAssetUrl;
import org.nodepoint.config.Settings;

/**
 * Builds the Content-Security-Policy header. Scripts and styles come only from this site, never
 * inline. The one exception is the https host of a logo, favicon or style sheet that the
 * administrator set, which is added to img-src or style-src so that the browser loads it.
 */
final class ContentSecurityPolicy {
    /** The policy of one version of the settings, kept until the settings object changes. */
    private record Cached(Settings settings, String header) {
    }

    private volatile Cached cached = new Cached(null, "");

    String headerFor(Settings settings) {
        Cached current = cached;
        if (current.settings() != settings) {
            current = new Cached(settings, build(settings));
            cached = current;
        }
        return current.header();
    }

    private static String build(Settings settings) {
        String images = sources("'self' data:", settings.logoUrl(), settings.faviconUrl());
        String styles = sources("'self'", settings.stylesheetUrl());
        return "default-src 'self'; script-src 'self'; style-src " + styles + "; img-src " + images
                + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /** Returns the base sources plus the https origin of each URL. PageAssetUrl allows only DNS host names there, so no other text reaches the header. */
    private static String sources(String base, String... urls) {
        Set<String> origins = new LinkedHashSet<>();
        Stream.of(urls).forEach(url -> PageAssetUrl.httpsOrigin(url).ifPresent(origins::add));
        return origins.isEmpty() ? base : base + " " + String.join(" ", origins);
    }
}
