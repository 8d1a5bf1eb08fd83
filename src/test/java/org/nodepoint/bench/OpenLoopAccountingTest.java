package org.nodepoint.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load driver's schedule, percentile and error accounting, without sending any request. */
class OpenLoopAccountingTest {

    @Test
    void scheduleSpacesRequestsEvenly() {
        assertThat(OpenLoopRun.scheduledOffsetNanos(0, 200)).isZero();
        assertThat(OpenLoopRun.scheduledOffsetNanos(1, 200)).isEqualTo(5_000_000);
        assertThat(OpenLoopRun.scheduledOffsetNanos(1999, 200)).isEqualTo(9_995_000_000L);
        assertThat(OpenLoopRun.scheduledOffsetNanos(1, 3)).isEqualTo(333_333_333);
        assertThat(OpenLoopRun.scheduledOffsetNanos(2, 3)).isEqualTo(666_666_667);
        // Rounding each offset from the start, not adding rounded intervals, keeps the schedule from drifting.
        assertThat(OpenLoopRun.scheduledOffsetNanos(3_000_000, 3)).isEqualTo(1_000_000_000_000_000L);
    }

    @Test
    void requestCountCoversDurationExactly() {
        assertThat(OpenLoopRun.requestCount(200, 10)).isEqualTo(2000);
        assertThat(OpenLoopRun.requestCount(3, 1)).isEqualTo(3);
        assertThat(OpenLoopRun.requestCount(0.5, 3)).isEqualTo(2);
        assertThat(OpenLoopRun.requestCount(1.5, 20)).isEqualTo(30);
        assertThat(OpenLoopRun.requestCount(100, 0.001)).isEqualTo(1);
    }

    @Test
    void requestCountRejectsHugeRuns() {
        assertThatThrownBy(() -> OpenLoopRun.requestCount(1e9, 1e3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Too many requests");
    }

    @Test
    void percentileUsesNearestRank() {
        long[] sorted = new long[1000];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }
        assertThat(RunSummary.percentile(sorted, 50)).isEqualTo(500);
        assertThat(RunSummary.percentile(sorted, 90)).isEqualTo(900);
        assertThat(RunSummary.percentile(sorted, 99)).isEqualTo(990);
        assertThat(RunSummary.percentile(sorted, 99.9)).isEqualTo(999);
        assertThat(RunSummary.percentile(sorted, 100)).isEqualTo(1000);
    }

    @Test
    void percentileOfFewValues() {
        assertThat(RunSummary.percentile(new long[] {7}, 50)).isEqualTo(7);
        assertThat(RunSummary.percentile(new long[] {7}, 99.9)).isEqualTo(7);
        assertThat(RunSummary.percentile(new long[] {1, 2, 3, 4}, 50)).isEqualTo(2);
        assertThat(RunSummary.percentile(new long[] {1, 2, 3, 4}, 51)).isEqualTo(3);
        assertThat(RunSummary.percentile(new long[0], 50)).isEqualTo(-1);
    }

    @Test
    void percentileRejectsOutOfRange() {
        assertThatThrownBy(() -> RunSummary.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunSummary.percentile(new long[] {1}, 100.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summaryCountsOutcomesByKind() {
        OpenLoopRun.RunResult run = new OpenLoopRun.RunResult(7);
        run.labels.add("list");
        run.labels.add("create");
        run.startNanos = 0;
        run.endNanos = 2_000_000_000L;
        run.sent = 6;
        run.record(0, 200, false, 3_000_000, 100, null);
        run.record(1, 200, false, 1_000_000, 100, null);
        run.record(2, 500, true, 9_000_000, 50, "GET /tickets returned 500, expected 200");
        run.record(3, OpenLoopRun.TIMED_OUT, true, 0, 0, "timed out");
        run.record(4, OpenLoopRun.SKIPPED_IN_FLIGHT_LIMIT, true, 0, 0, "more than 1 requests open");
        run.record(5, 302, false, 20_000_000, 0, null);
        // Request 6 never finished: its status stays NOT_FINISHED.
        run.labelOf[5] = 1;
        run.sendLagNanos[1] = 2_000_000;

        RunSummary all = RunSummary.of(run, null);
        assertThat(all.scheduled).isEqualTo(7);
        assertThat(all.sent).isEqualTo(6);
        assertThat(all.completed).isEqualTo(4);
        assertThat(all.succeeded).isEqualTo(3);
        assertThat(all.errorsByKind).isEqualTo(Map.of("HTTP 500", 1, "timeout", 1, "not sent (in-flight limit)", 1, "unfinished", 1));
        assertThat(all.errors()).isEqualTo(4);
        assertThat(all.firstMessageByKind).containsEntry("HTTP 500", "GET /tickets returned 500, expected 200");
        assertThat(all.sortedLatencies).containsExactly(1_000_000, 3_000_000, 9_000_000, 20_000_000);
        assertThat(all.maxLatency()).isEqualTo(20_000_000);
        assertThat(all.lateSends).isEqualTo(1);
        assertThat(all.bodyBytes).isEqualTo(250);
        assertThat(all.achievedRate()).isEqualTo(1.5);

        RunSummary create = RunSummary.of(run, "create");
        assertThat(create.scheduled).isEqualTo(1);
        assertThat(create.succeeded).isEqualTo(1);
        assertThat(create.errors()).isZero();
        assertThat(create.sortedLatencies).containsExactly(20_000_000);
    }

    @Test
    void bodyCheckFailureKeepsLatency() {
        OpenLoopRun.RunResult run = new OpenLoopRun.RunResult(1);
        run.labels.add("api-show");
        run.record(0, OpenLoopRun.BODY_CHECK_FAILED, true, 4_000_000, 80, "lacks status OK");

        RunSummary summary = RunSummary.of(run, null);
        assertThat(summary.completed).isEqualTo(1);
        assertThat(summary.errorsByKind).isEqualTo(Map.of("API status not OK", 1));
        assertThat(summary.sortedLatencies).containsExactly(4_000_000);
    }
}
