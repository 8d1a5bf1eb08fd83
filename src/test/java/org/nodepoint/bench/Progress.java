package org.nodepoint.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Reports how many rows of one step have been written and at what rate. On a terminal it rewrites
 * one line at most every 250 ms. Otherwise, as in a log file, it prints a line at each 10%.
 */
final class Progress {
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream out;
    private final String step;
    private final long total;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long rows;
    private long lastDrawn;
    private int lastTenth;

    Progress(PrintStream out, String step, long total, boolean terminal) {
        this.out = out;
        this.step = step;
        this.total = total;
        this.terminal = terminal;
    }

    void advance(long written) {
        rows += written;
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDrawn >= REDRAW_NANOS) {
                lastDrawn = now;
                out.print("\r" + line());
                out.flush();
            }
            return;
        }
        int tenth = total == 0 ? 10 : (int) (rows * 10 / total);
        if (tenth > lastTenth && tenth < 10) {
            lastTenth = tenth;
            out.println(line());
        }
    }

    /** Prints the final line of the step with its elapsed time, and returns the seconds it took. */
    double finish() {
        double seconds = (System.nanoTime() - started) / 1e9;
        String done = String.format(Locale.ROOT, "%s in %.1f s", line(), seconds);
        out.println(terminal ? "\r" + done : done);
        return seconds;
    }

    private String line() {
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        int percent = total == 0 ? 100 : (int) (rows * 100 / total);
        return String.format(Locale.ROOT, "%-16s %,12d / %,d rows (%3d%%), %,9.0f rows/s", step, rows, total, percent, rows / seconds);
    }
}
