package org.nodepoint.web;

import java.util.Locale;
import org.nodepoint.config.Settings;
import org.nodepoint.config.ThemeColor;

/**
 * The administrator's choices for how every page looks: navigation bar colour, favicon, logo and
 * an extra style sheet. Each URL is "" when unset and has otherwise passed the PageAssetUrl check.
 */
public record Appearance(ThemeColor theme, String faviconUrl, String logoUrl, String stylesheetUrl) {
    public static Appearance of(Settings settings) {
        return new Appearance(settings.themeColor(), settings.faviconUrl(), settings.logoUrl(), settings.stylesheetUrl());
    }

    /** Returns the CSS class of nodepoint.css that colours the navigation bar, such as "navbar-theme-green". */
    public String navbarClass() {
        return "navbar-theme-" + theme.name().toLowerCase(Locale.ROOT);
    }
}
