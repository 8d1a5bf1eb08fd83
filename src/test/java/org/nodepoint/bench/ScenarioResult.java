package org.nodepoint.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The measured phase of one scenario (or one step of the search for the maximum rate): the request
 * figures, and the server's CPU use and resident memory when its pid is known.
 */
record ScenarioResult(String name, double rate, RunSummary total, List<Part> parts, double serverCpuPercent, double driverCpuPercent,
        OptionalLong idleRssKib, OptionalLong endRssKib) {

    /** The figures of one kind of request within the mixed scenario. */
    record Part(String label, RunSummary summary) {
    }

    static final String TABLE_HEADER = String.format(Locale.ROOT, "%-22s %8s %8s %7s %8s %8s %8s %8s %8s %8s %7s %7s %13s %8s %8s",
            "scenario", "sent", "done", "errors", "rate/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "srv CPU", "drv CPU",
            "RSS idle>end", "lag p99", "avg KiB");

    /** Formats the scenario's row and, for the mixed scenario, one indented row per kind of request. */
    List<String> tableRows() {
        List<String> rows = new ArrayList<>();
        rows.add(row(name, total, percent(serverCpuPercent), percent(driverCpuPercent), memory()));
        for (Part part : parts) {
            rows.add(row("  " + part.label(), part.summary(), "", "", ""));
        }
        return rows;
    }

    private static String row(String name, RunSummary summary, String serverCpu, String driverCpu, String memory) {
        return String.format(Locale.ROOT, "%-22s %8d %8d %7d %8.1f %8s %8s %8s %8s %8s %7s %7s %13s %8s %8.1f", name, summary.sent,
                summary.completed, summary.errors(), summary.achievedRate(), millis(summary.latencyPercentile(50)),
                millis(summary.latencyPercentile(90)), millis(summary.latencyPercentile(99)), millis(summary.latencyPercentile(99.9)),
                millis(summary.maxLatency()), serverCpu, driverCpu, memory, millis(summary.sendLagPercentile(99)),
                summary.completed == 0 ? 0.0 : summary.bodyBytes / 1024.0 / summary.completed);
    }

    private String memory() {
        if (idleRssKib.isEmpty() || endRssKib.isEmpty()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%d>%d MiB", idleRssKib.getAsLong() / 1024, endRssKib.getAsLong() / 1024);
    }

    static String millis(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    static String percent(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", value);
    }
}
