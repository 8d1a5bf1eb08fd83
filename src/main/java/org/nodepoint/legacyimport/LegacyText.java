package org.nodepoint.legacyimport;

/**
 * Decodes the text that NodePoint 1.x stored. Its input filter replaced only {@code <} with
 * {@code &lt;} and {@code "} with {@code &quot;}, and never encoded {@code &}. So these two are
 * the only entities that 1.x wrote: any other entity in a 1.x database ({@code &amp;},
 * {@code &gt;}, {@code &#39;}) was typed by a user and stays as typed.
 */
final class LegacyText {
    private LegacyText() {
    }

    // NOTE: a user who typed "&lt;" literally in 1.x gets "<" here, because 1.x stored both the
    // same way, so the database cannot distinguish them.
    static String decode(String stored) {
        if (stored == null || stored.indexOf('&') < 0) {
            return stored == null ? "" : stored;
        }
        return stored.replace("&lt;", "<").replace("&quot;", "\"");
    }
}
