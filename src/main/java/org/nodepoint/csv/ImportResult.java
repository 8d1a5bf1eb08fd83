package org.nodepoint.csv;

import java.util.List;

/**
 * The outcome of a CSV import: the rows written, the rows rejected with their reasons, and, when a
 * CSV syntax error stopped the import early, where it was ({@code malformed}, empty otherwise).
 */
public record ImportResult(int imported, List<Rejection> rejections, String malformed) {

    /** A row that was not imported: its line in the file and why. */
    public record Rejection(long line, String reason) {
    }

    public ImportResult {
        rejections = List.copyOf(rejections);
    }

    public boolean stoppedEarly() {
        return !malformed.isEmpty();
    }
}
