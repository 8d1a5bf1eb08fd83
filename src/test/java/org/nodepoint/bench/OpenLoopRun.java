package org.nodepoint.bench;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends requests on a fixed schedule, request i at {@code i / rate} seconds after the start, whether
 * or not responses to earlier requests have arrived (an open loop). Each latency runs from the request's
 * scheduled time to the end of reading its response, so when the server falls behind, the waiting
 * shows up in the latency instead of slowing the sender down (no coordinated omission).
 */
final class OpenLoopRun {
    /** Codes stored in place of an HTTP status when no usable response arrived. */
    static final int NOT_FINISHED = 0;
    static final int TIMED_OUT = -1;
    static final int CONNECT_FAILED = -2;
    static final int IO_FAILED = -3;
    static final int SKIPPED_IN_FLIGHT_LIMIT = -4;
    static final int BODY_CHECK_FAILED = -5;

    /** Extra time after the last timeout could have fired, before requests still open count as unfinished. */
    private static final long COMPLETION_SLACK_NANOS = TimeUnit.SECONDS.toNanos(5);

    /**
     * One request to send. {@code expectedStatus} is the only status counted as a success; when
     * {@code requiredBodyText} is not null, the body must also contain it (the legacy API returns
     * errors with HTTP 200 and an {@code ERR_...} status in the JSON).
     */
    record PlannedRequest(String label, HttpRequest request, int expectedStatus, String requiredBodyText) {
    }

    /** Supplies the requests of a run in order. It is called from the scheduling thread only. */
    interface RequestSource {
        PlannedRequest next();
    }

    private record Body(long bytes, boolean checkPassed) {
    }

    private final List<HttpClient> clients;
    private final Duration timeout;
    private final int maxInFlight;
    /**
     * Threads that call sendAsync. The call does part of the exchange's work on the calling thread,
     * about 1 ms per call with the JDK 17 client on a busy 2-core machine. So the scheduling thread
     * hands it off and only waits for each request's time.
     */
    private final ExecutorService senders;

    OpenLoopRun(List<HttpClient> clients, Duration timeout, int maxInFlight, ExecutorService senders) {
        this.clients = List.copyOf(clients);
        this.timeout = timeout;
        this.maxInFlight = maxInFlight;
        this.senders = senders;
    }

    /** Returns the offset of request {@code index} from the start of the schedule, in nanoseconds. */
    static long scheduledOffsetNanos(long index, double rate) {
        return Math.round(index * 1e9 / rate);
    }

    /** Returns how many requests are scheduled in {@code seconds}: those whose offset is below it. */
    static int requestCount(double rate, double seconds) {
        double count = Math.ceil(rate * seconds - 1e-9);
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Too many requests for one run: rate " + rate + "/s for " + seconds + " s");
        }
        return (int) Math.max(0, count);
    }

    /**
     * Runs the schedule for {@code seconds} and waits for every response, at most until the request
     * timeout plus 5 s after the last send. A request due while {@code maxInFlight} others are still
     * open is not sent and counts as an error, so that a stalled server cannot make the driver open
     * connections without bound.
     */
    RunResult run(RequestSource source, double rate, double seconds) throws InterruptedException {
        int count = requestCount(rate, seconds);
        RunResult result = new RunResult(count);
        CountDownLatch finished = new CountDownLatch(count);
        AtomicInteger inFlight = new AtomicInteger();
        Map<String, Integer> labelIndexes = new ConcurrentHashMap<>();

        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        result.startNanos = start;
        for (int i = 0; i < count; i++) {
            long scheduled = start + scheduledOffsetNanos(i, rate);
            PlannedRequest planned = source.next();
            result.labelOf[i] = labelIndexes.computeIfAbsent(planned.label(), label -> {
                result.labels.add(label);
                return result.labels.size() - 1;
            }).byteValue();
            parkUntil(scheduled);

            if (inFlight.get() >= maxInFlight) {
                result.sendLagNanos[i] = System.nanoTime() - scheduled;
                result.record(i, SKIPPED_IN_FLIGHT_LIMIT, true, 0, 0, "more than " + maxInFlight + " requests open");
                finished.countDown();
                continue;
            }
            inFlight.incrementAndGet();
            result.sent++;
            int index = i;
            senders.execute(() -> send(index, planned, scheduled, result, () -> {
                inFlight.decrementAndGet();
                finished.countDown();
            }));
        }
        long lastSend = System.nanoTime();
        result.scheduleEndNanos = start + scheduledOffsetNanos(count, rate);

        long waitNanos = timeout.toNanos() + COMPLETION_SLACK_NANOS;
        if (!finished.await(waitNanos - (System.nanoTime() - lastSend), TimeUnit.NANOSECONDS)) {
            System.err.println("Warning: " + finished.getCount() + " requests were still open " + TimeUnit.NANOSECONDS.toSeconds(waitNanos)
                    + " s after the last send; they count as unfinished");
        }
        result.endNanos = System.nanoTime();
        return result;
    }

    private void send(int index, PlannedRequest planned, long scheduled, RunResult result, Runnable done) {
        result.sendLagNanos[index] = System.nanoTime() - scheduled;
        HttpClient client = clients.get(index % clients.size());
        String required = planned.requiredBodyText();
        HttpResponse.BodyHandler<Body> handler = info -> required == null
                ? HttpResponse.BodySubscribers.fromSubscriber(new ByteCounter(), counter -> new Body(counter.bytes, true))
                : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                        bytes -> new Body(bytes.length, new String(bytes, StandardCharsets.UTF_8).contains(required)));
        try {
            // orTimeout bounds the whole exchange; the request's own timeout stops only the wait for the headers.
            client.sendAsync(planned.request(), handler)
                    .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                    .whenComplete((response, error) -> {
                        long latency = System.nanoTime() - scheduled;
                        if (error != null) {
                            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                            result.record(index, failureCode(cause), true, 0, 0, cause.toString());
                        } else if (response.statusCode() != planned.expectedStatus()) {
                            result.record(index, response.statusCode(), true, latency, response.body().bytes(),
                                    planned.request().method() + " " + planned.request().uri().getPath() + " returned " + response.statusCode()
                                            + ", expected " + planned.expectedStatus());
                        } else if (!response.body().checkPassed()) {
                            result.record(index, BODY_CHECK_FAILED, true, latency, response.body().bytes(),
                                    "response to " + planned.request().uri().getPath() + " does not contain " + required);
                        } else {
                            result.record(index, response.statusCode(), false, latency, response.body().bytes(), null);
                        }
                        done.run();
                    });
        } catch (RuntimeException rejected) {
            result.record(index, IO_FAILED, true, 0, 0, rejected.toString());
            done.run();
        }
    }

    private static int failureCode(Throwable cause) {
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return TIMED_OUT;
        }
        if (cause instanceof ConnectException) {
            return CONNECT_FAILED;
        }
        return IO_FAILED;
    }

    /** Waits until {@code deadline} (a System.nanoTime value). Parking overshoots by tens of microseconds, which shows up as send lag. */
    private static void parkUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    /** Counts the body's bytes without keeping them. */
    private static final class ByteCounter implements Flow.Subscriber<List<ByteBuffer>> {
        private long bytes;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                bytes += buffer.remaining();
            }
        }

        @Override
        public void onError(Throwable error) {
            // The exchange's future completes exceptionally with the same error.
        }

        @Override
        public void onComplete() {
            // The finisher reads the count.
        }
    }

    /**
     * The raw record of one run: per request its label, send lag, status or failure code,
     * latency and body size. Arrays are indexed by the request's place in the schedule.
     */
    static final class RunResult {
        final List<String> labels = new ArrayList<>();
        final byte[] labelOf;
        final long[] sendLagNanos;
        final int[] status;
        final boolean[] failed;
        final long[] latencyNanos;
        final long[] bodyBytes;
        /** The first message of each failure code or unexpected status, for the report. */
        final Map<Integer, String> firstMessage = new ConcurrentHashMap<>();
        long startNanos;
        long scheduleEndNanos;
        long endNanos;
        int sent;

        RunResult(int count) {
            labelOf = new byte[count];
            sendLagNanos = new long[count];
            status = new int[count];
            failed = new boolean[count];
            latencyNanos = new long[count];
            bodyBytes = new long[count];
        }

        int count() {
            return status.length;
        }

        void record(int index, int code, boolean isFailure, long latency, long bytes, String message) {
            status[index] = code;
            failed[index] = isFailure;
            latencyNanos[index] = latency;
            bodyBytes[index] = bytes;
            if (message != null) {
                firstMessage.putIfAbsent(code, message);
            }
        }
    }
}
