package org.nodepoint.web;

import io.javalin.http.Handler;
import org.nodepoint.config.Component;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.NotFoundException;

/**
 * Hides the pages of a component that the administrator switched off: a before-handler on the
 * component's paths responds with 404, as for a page that does not exist. The legacy JSON API does
 * not pass through these paths and keeps working, as in NodePoint 1.x.
 */
public final class ComponentGate {
    private final SettingsStore settings;

    public ComponentGate(SettingsStore settings) {
        this.settings = settings;
    }

    /** Returns a before-handler that throws NotFoundException while the component is off. */
    public Handler require(Component component) {
        return requireAny(component);
    }

    /** Returns a before-handler that throws NotFoundException while every one of the components is off. */
    public Handler requireAny(Component... components) {
        return ctx -> {
            for (Component component : components) {
                if (settings.current().isEnabled(component)) {
                    return;
                }
            }
            throw new NotFoundException("error.notFound.page");
        };
    }
}
