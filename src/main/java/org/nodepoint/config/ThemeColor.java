package org.nodepoint.config;

import java.util.Arrays;
import java.util.Optional;

/** The navigation bar colour, stored in theme_color as the number NodePoint 1.x used (0 to 5). */
public enum ThemeColor {
    BLUE(0),
    GREY(1),
    GREEN(2),
    CYAN(3),
    ORANGE(4),
    RED(5);

    private final int number;

    ThemeColor(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public static Optional<ThemeColor> parse(String text) {
        return Arrays.stream(values()).filter(color -> String.valueOf(color.number).equals(text.strip())).findFirst();
    }
}
