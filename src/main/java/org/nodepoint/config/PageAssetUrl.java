package org.nodepoint.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the addresses of the logo, favicon and extra style sheet. Only two forms are accepted:
 * an absolute path on this site ("/static/logo.png") or an https URL whose host is a plain DNS
 * name. Anything else, such as {@code javascript:} or {@code data:} URLs, protocol-relative
 * "//host" paths and backslashes that browsers read as slashes, is rejected.
 */
public final class PageAssetUrl {
    public static final int MAX_LENGTH = 500;

    /** Path characters of RFC 3986 without quotes. The second character must not be / or \. */
    private static final Pattern SITE_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~!$&()*+,;=:@/%?]*");
    private static final Pattern URL_CHARACTERS = Pattern.compile("[A-Za-z0-9\\-._~!$&()*+,;=:@/%?#]+");
    /** DNS names only, because the host is copied into the Content-Security-Policy header. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*");

    private PageAssetUrl() {
    }

    /** True for "" (none), a path on this site, or an https URL on a named host. */
    public static boolean isAllowed(String value) {
        if (value.isEmpty()) {
            return true;
        }
        if (value.length() > MAX_LENGTH) {
            return false;
        }
        return SITE_PATH.matcher(value).matches() || httpsOrigin(value).isPresent();
    }

    /** Returns "https://host[:port]" for an allowed https URL, or empty for a site path or an invalid value. */
    public static Optional<String> httpsOrigin(String value) {
        if (value.length() > MAX_LENGTH || !URL_CHARACTERS.matcher(value).matches()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException invalid) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getRawUserInfo() != null || host == null || !HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return Optional.of("https://" + host.toLowerCase(Locale.ROOT) + port);
    }
}
