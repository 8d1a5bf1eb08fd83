package org.nodepoint.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on the terminal; silent when output goes to a file or pipe. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final long total;
    private final boolean enabled;
    private boolean drawn;

    ProgressBar(PrintWriter err, long total, boolean enabled) {
        this.err = err;
        this.total = Math.max(1, total);
        this.enabled = enabled;
    }

    /** Redraws the bar; {@code done} counts in the unit of the total, such as bytes of a file or rows of a database. */
    void update(long done, long rows) {
        if (!enabled) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        int filled = percent * WIDTH / 100;
        err.print(String.format(Locale.ROOT, "\rImporting [%s%s] %3d%%  %,d rows", "#".repeat(filled), " ".repeat(WIDTH - filled), percent, rows));
        err.flush();
        drawn = true;
    }

    void finish() {
        if (drawn) {
            err.println();
        }
    }
}
