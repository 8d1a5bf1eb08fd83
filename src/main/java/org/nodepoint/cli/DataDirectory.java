package org.nodepoint.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data} option shared by every command: the folder holding nodepoint.cfg, the database
 * and uploads.
 */
public final class DataDirectory {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (nodepoint.cfg, db/, uploads/). Default: $NODEPOINT_DATA, else ./data.")
    private Path data;

    public Path path() {
        if (data != null) {
            return data;
        }
        String fromEnvironment = System.getenv("NODEPOINT_DATA");
        return Path.of(fromEnvironment == null || fromEnvironment.isBlank() ? "data" : fromEnvironment);
    }
}
