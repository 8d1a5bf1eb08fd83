package org.nodepoint.browser;

/** A page area size that the browser tests and the screenshot program use, in CSS pixels. */
public enum Viewport {
    DESKTOP(1280, 800),
    /** The size of a current mid-range phone held upright. */
    PHONE(390, 844);

    final int width;
    final int height;

    Viewport(int width, int height) {
        this.width = width;
        this.height = height;
    }
}
