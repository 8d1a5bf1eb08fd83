package org.nodepoint.web;

import io.javalin.config.RoutesConfig;
import java.util.List;

/** A feature's routes, each registered with its {@link Requires} access rule. */
public interface FeatureRoutes {
    void register(RoutesConfig routes);

    /**
     * Returns the paths, in Javalin's syntax, of routes that take file uploads. Their request body
     * may be as large as max_size plus the form around the files; every other route keeps the
     * 1 MB limit. A path may belong to another feature's route.
     */
    default List<String> uploadPaths() {
        return List.of();
    }
}
