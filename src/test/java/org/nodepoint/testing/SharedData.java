package org.nodepoint.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the public data sets that some tests and benchmarks read. The folder is the system
 * property {@code nodepoint.sharedData} (Maven sets it to ../shared/data beside the project).
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path folder() {
        return Path.of(System.getProperty("nodepoint.sharedData", "../shared/data"));
    }

    /** Returns the file, or skips the calling test with a message naming where it was looked for. */
    public static Path require(String name) {
        Path file = folder().resolve(name);
        if (!Files.isRegularFile(file)) {
            String message = "Skipped: real data file " + file.toAbsolutePath().normalize()
                    + " is absent; set -Dnodepoint.sharedData=DIR to run this test";
            // Surefire does not print the reasons of skipped tests, so the message goes to the build log too.
            System.err.println(message);
            assumeTrue(false, message);
        }
        return file;
    }
}
