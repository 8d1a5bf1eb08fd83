package org.nodepoint.csv;

/** Receives progress as an import reads rows; {@code rows} counts the rows read, good or bad. */
@FunctionalInterface
public interface ImportProgress {
    void rowsRead(long rows);
}
