package org.nodepoint.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts, error kinds and exact latency percentiles of the requests of one run, or of the
 * requests of one label within it. Latencies are those of every response, whatever its status.
 * Requests that got no response (timeouts, connection errors) count as errors and have no latency.
 */
final class RunSummary {
    /** A request sent more than this late counts as a sign that the driver could not keep its schedule. */
    static final long LATE_SEND_NANOS = 1_000_000;

    final int scheduled;
    final int sent;
    final int completed;
    final int succeeded;
    final Map<String, Integer> errorsByKind;
    /** The first message of each error kind in the whole run, whatever the label. */
    final Map<String, String> firstMessageByKind = new TreeMap<>();
    /** Latencies of all responses, sorted, in nanoseconds. */
    final long[] sortedLatencies;
    final long[] sortedSendLags;
    final int lateSends;
    final long bodyBytes;
    /** From the start of the schedule to the end of the run (the last response or the wait limit). */
    final long elapsedNanos;

    private RunSummary(int scheduled, int sent, int completed, int succeeded, Map<String, Integer> errorsByKind, long[] sortedLatencies,
            long[] sortedSendLags, int lateSends, long bodyBytes, long elapsedNanos) {
        this.scheduled = scheduled;
        this.sent = sent;
        this.completed = completed;
        this.succeeded = succeeded;
        this.errorsByKind = errorsByKind;
        this.sortedLatencies = sortedLatencies;
        this.sortedSendLags = sortedSendLags;
        this.lateSends = lateSends;
        this.bodyBytes = bodyBytes;
        this.elapsedNanos = elapsedNanos;
    }

    /** Summarises the requests of {@code label}, or all requests when it is null. */
    static RunSummary of(OpenLoopRun.RunResult run, String label) {
        int labelIndex = label == null ? -1 : run.labels.indexOf(label);
        long[] latencies = new long[run.count()];
        long[] lags = new long[run.count()];
        Map<String, Integer> errors = new TreeMap<>();
        int scheduled = 0;
        int sent = 0;
        int completed = 0;
        int succeeded = 0;
        int late = 0;
        long bytes = 0;
        for (int i = 0; i < run.count(); i++) {
            if (label != null && run.labelOf[i] != labelIndex) {
                continue;
            }

            int status = run.status[i];
            lags[scheduled] = run.sendLagNanos[i];
            scheduled++;
            if (run.sendLagNanos[i] > LATE_SEND_NANOS) {
                late++;
            }
            if (status != OpenLoopRun.SKIPPED_IN_FLIGHT_LIMIT) {
                sent++;
            }
            if (status > 0 || status == OpenLoopRun.BODY_CHECK_FAILED) {
                latencies[completed] = run.latencyNanos[i];
                completed++;
                bytes += run.bodyBytes[i];
            }

            if (status == OpenLoopRun.NOT_FINISHED || run.failed[i]) {
                errors.merge(errorKind(status), 1, Integer::sum);
            } else {
                succeeded++;
            }
        }

        long[] sortedLatencies = Arrays.copyOf(latencies, completed);
        Arrays.sort(sortedLatencies);
        long[] sortedLags = Arrays.copyOf(lags, scheduled);
        Arrays.sort(sortedLags);
        RunSummary summary = new RunSummary(scheduled, sent, completed, succeeded, errors, sortedLatencies, sortedLags, late, bytes,
                run.endNanos - run.startNanos);
        run.firstMessage.forEach((status, message) -> summary.firstMessageByKind.put(errorKind(status), message));
        return summary;
    }

    /** Names an outcome code of {@link OpenLoopRun} as it appears in the report. */
    static String errorKind(int status) {
        return switch (status) {
            case OpenLoopRun.NOT_FINISHED -> "unfinished";
            case OpenLoopRun.TIMED_OUT -> "timeout";
            case OpenLoopRun.CONNECT_FAILED -> "connect failed";
            case OpenLoopRun.IO_FAILED -> "I/O error";
            case OpenLoopRun.SKIPPED_IN_FLIGHT_LIMIT -> "not sent (in-flight limit)";
            case OpenLoopRun.BODY_CHECK_FAILED -> "API status not OK";
            default -> "HTTP " + status;
        };
    }

    int errors() {
        return errorsByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Successful responses per second of elapsed time, from the start of the schedule to the end of the run. */
    double achievedRate() {
        return elapsedNanos <= 0 ? 0 : succeeded / (elapsedNanos / 1e9);
    }

    /** Returns the latency percentile in nanoseconds, or -1 when there was no response. */
    long latencyPercentile(double percent) {
        return percentile(sortedLatencies, percent);
    }

    long maxLatency() {
        return sortedLatencies.length == 0 ? -1 : sortedLatencies[sortedLatencies.length - 1];
    }

    long sendLagPercentile(double percent) {
        return percentile(sortedSendLags, percent);
    }

    long maxSendLag() {
        return sortedSendLags.length == 0 ? -1 : sortedSendLags[sortedSendLags.length - 1];
    }

    /**
     * Returns the exact percentile of sorted values by the nearest-rank method: the smallest value
     * such that at least {@code percent}% of the values are at or below it. Returns -1 for no values.
     */
    static long percentile(long[] sorted, double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("Percentile must be above 0 and at most 100: " + percent);
        }
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length - 1e-9);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
