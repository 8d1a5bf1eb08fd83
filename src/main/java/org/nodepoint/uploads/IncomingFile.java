package org.nodepoint.uploads;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file that a client sent: the name as submitted (possibly null or hostile), its size in bytes
 * as received, and a way to read its content.
 */
public record IncomingFile(String submittedName, long size, Content content) {
    /** Opens the content; the caller closes the stream. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
