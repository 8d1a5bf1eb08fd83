package org.nodepoint.web;

import io.javalin.config.RoutesConfig;

/** A feature's routes, each registered with its {@link Requires} access rule. */
public interface FeatureRoutes {
    void register(RoutesConfig routes);
}
