package org.nodepoint.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty SIGKILLs of a server under concurrent writes over the JSON API. CrashBenchmark runs the
 * same cycles 200 times.
 */
class CrashSafetyTest {
    private static final int CYCLES = 20;

    @TempDir
    Path folder;

    @Test
    void acknowledged_writes_survive_sigkill() throws Exception {
        CrashCycles crashes = new CrashCycles(folder, 11L, null);
        crashes.prepare();

        CrashCycles.Result result = crashes.run(CYCLES);

        assertThat(result.cycles()).isEqualTo(CYCLES);
        assertThat(result.acknowledgedWrites()).isGreaterThanOrEqualTo(CYCLES);
        assertThat(result.lost()).isEmpty();
        assertThat(result.checkProblems()).isEmpty();
        try (ChildServer restarted = ChildServer.start(folder)) {
            HttpResponse<Void> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(restarted.baseUri().resolve("/health")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }
}
