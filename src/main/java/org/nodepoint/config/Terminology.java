package org.nodepoint.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The words the UI uses for products, their models and their releases, chosen in items_managed.
 * The stored values are the sentences that NodePoint 1.x wrote, so an old nodepoint.cfg keeps its
 * choice. The words themselves are UI texts under {@code terms.<id>.*} in the message bundle.
 */
public enum Terminology {
    /** The wording of this version when items_managed is empty: projects, models and releases. */
    DEFAULT("", "default"),
    PRODUCTS("Products with models and releases", "products"),
    PROJECTS("Projects with goals and milestones", "projects"),
    RESOURCES("Resources with locations and updates", "resources"),
    APPLICATIONS("Applications with platforms and versions", "applications"),
    ASSETS("Assets with types and instances", "assets"),
    PHASES("Projects with types and phases", "phases");

    private final String storedValue;
    private final String id;

    Terminology(String storedValue, String id) {
        this.storedValue = storedValue;
        this.id = id;
    }

    /** Returns the items_managed value that selects this wording. */
    public String storedValue() {
        return storedValue;
    }

    /** Returns the part of the message keys ({@code terms.<id>.product}) that contain this wording. */
    public String id() {
        return id;
    }

    public static Optional<Terminology> parse(String text) {
        String wanted = text.strip();
        return Arrays.stream(values()).filter(terms -> terms.storedValue.equalsIgnoreCase(wanted)).findFirst();
    }
}
