package org.nodepoint.config;

import java.net.URI;
import java.net.URISyntaxException;

/** The rule for the public_url setting: an http or https address on a named host, with no query or fragment. */
public final class PublicUrl {
    public static final int MAX_LENGTH = 200;

    private PublicUrl() {
    }

    /** True for "" (not set) and for an address such as https://desk.example.org or http://10.0.0.5:7000/desk. */
    public static boolean isAllowed(String url) {
        if (url.isEmpty()) {
            return true;
        }
        if (url.length() > MAX_LENGTH || url.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\')) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                    && uri.getHost() != null && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    static String withoutTrailingSlash(String url) {
        String trimmed = url;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
