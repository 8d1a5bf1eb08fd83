package org.nodepoint.operations;

/** Receives the progress of a backup or restore in bytes copied out of the expected total. */
@FunctionalInterface
public interface ByteProgress {
    ByteProgress NONE = (done, total) -> { };

    void bytesCopied(long done, long total);
}
