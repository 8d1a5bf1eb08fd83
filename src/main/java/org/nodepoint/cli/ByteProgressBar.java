package org.nodepoint.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.nodepoint.operations.ByteProgress;

/** A one-line progress bar in MiB for backup and restore. It prints nothing when output goes to a file or pipe. */
final class ByteProgressBar implements ByteProgress {
    private static final int WIDTH = 30;
    private static final double MIB = 1024.0 * 1024.0;

    private final PrintWriter err;
    private final String label;
    private final boolean enabled;
    private int lastPercent = -1;

    ByteProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
        this.enabled = System.console() != null;
    }

    @Override
    public void bytesCopied(long done, long total) {
        int percent = (int) Math.min(100, done * 100 / Math.max(1, total));
        if (!enabled || percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        err.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%%  %.1f of %.1f MiB", label, "#".repeat(filled), " ".repeat(WIDTH - filled),
                percent, done / MIB, total / MIB));
        err.flush();
    }

    void finish() {
        if (lastPercent >= 0) {
            err.println();
        }
    }
}
