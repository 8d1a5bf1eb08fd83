package org.nodepoint.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.nodepoint.operations.CrashCycles;

/**
 * Runs the crash cycles of CrashSafetyTest 200 times (or the count given as the first argument)
 * and prints the acknowledged writes, the writes lost, the check problems and the start times
 * after a kill. A program, not a test: docs/benchmarks.md shows how to run it. The child servers
 * get this JVM's class path, so run it with {@code java -cp}, not with exec:java.
 */
public final class CrashBenchmark {
    private static final int DEFAULT_CYCLES = 200;

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_CYCLES;
        Path folder = Files.createTempDirectory("nodepoint-crash-");
        CrashCycles crashes = new CrashCycles(folder, System.nanoTime(), System.out);
        crashes.prepare();

        long started = System.nanoTime();
        CrashCycles.Result result = crashes.run(cycles);
        double minutes = (System.nanoTime() - started) / 60e9;

        List<Long> sorted = result.startMillis().stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%d cycles in %.1f min, %d acknowledged writes, %d lost, %d check problems%n", result.cycles(), minutes,
                result.acknowledgedWrites(), result.lost().size(), result.checkProblems().size());
        System.out.printf(Locale.ROOT, "start after a kill: median %d ms, 95th percentile %d ms, max %d ms%n", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.get(sorted.size() - 1));
        result.lost().forEach(write -> System.out.println("LOST " + write));
        result.checkProblems().forEach(problem -> System.out.println("CHECK " + problem));
        System.out.println("Data folder: " + folder);
        System.exit(result.lost().isEmpty() && result.checkProblems().isEmpty() ? 0 : 1);
    }

    private CrashBenchmark() {
    }
}
