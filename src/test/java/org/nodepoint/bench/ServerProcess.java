package org.nodepoint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A NodePoint server started with {@code java -jar nodepoint.jar serve} in its own process, and the
 * Linux {@code /proc} figures (CPU time, resident memory) of any server process given by its pid.
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

    private final Process process;
    private final URI baseUri;
    private final Path log;
    private final long startupNanos;
    private final Thread stopOnExit;

    private ServerProcess(Process process, URI baseUri, Path log, long startupNanos) {
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
        this.startupNanos = startupNanos;
        this.stopOnExit = new Thread(this::stop, "load-driver-stop-server");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the server on a free port of 127.0.0.1 and waits for the first 200 on {@code /health},
     * polling every 10 ms. The server's output goes to a log file, because a full pipe would block it.
     */
    static ServerProcess start(Path jar, Path dataFolder, List<String> jvmArgs) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("Server JAR not found: " + jar.toAbsolutePath()
                    + " (run mvn -B -ntp -q package -DskipTests first, or set --server-jar)");
        }
        if (!Files.isRegularFile(dataFolder.resolve("nodepoint.cfg"))) {
            throw new IllegalArgumentException("Not a NodePoint data folder (nodepoint.cfg is missing): " + dataFolder.toAbsolutePath()
                    + " (create one with java -jar target/nodepoint.jar init --data DIR)");
        }
        int port = freePort();
        Path log = Files.createTempFile("nodepoint-load-server-", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--data", dataFolder.toString(), "--host", "127.0.0.1",
                "--port", String.valueOf(port)));

        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        URI baseUri = URI.create("http://127.0.0.1:" + port);
        try {
            long startupNanos = waitForHealth(process, baseUri, started, log);
            return new ServerProcess(process, baseUri, log, startupNanos);
        } catch (IOException | InterruptedException | RuntimeException failed) {
            process.destroyForcibly();
            throw failed;
        }
    }

    private static long waitForHealth(Process process, URI baseUri, long started, Path log) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(baseUri.resolve("/health")).timeout(Duration.ofSeconds(2)).build();
        while (true) {
            try {
                HttpResponse<Void> response = client.send(health, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return System.nanoTime() - started;
                }
            } catch (IOException notListeningYet) {
                // The port is not open yet; poll again.
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Server exited with status " + process.exitValue() + " before responding on /health; see " + log);
            }
            if (System.nanoTime() - started > STARTUP_LIMIT.toNanos()) {
                throw new IllegalStateException("Server did not return 200 on /health within " + STARTUP_LIMIT.toSeconds() + " s; see " + log);
            }
            Thread.sleep(10);
        }
    }

    URI baseUri() {
        return baseUri;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Time from starting the process to the first 200 on {@code /health}. */
    long startupNanos() {
        return startupNanos;
    }

    /** Stops the server with SIGTERM, so that its shutdown hook closes the database, and kills it if that takes too long. */
    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println("Server pid " + process.pid() + " did not stop within " + STOP_LIMIT.toSeconds() + " s; killing it");
                process.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting, and the hook stops the server anyway.
        }
    }

    /**
     * Returns the user plus system CPU time of a process in clock ticks (fields 14 and 15 of
     * {@code /proc/PID/stat}), or empty when the file cannot be read (not Linux, or no such process).
     */
    static OptionalLong cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name (field 2) is in brackets and may contain spaces, so fields are counted after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            // fields[0] is field 3 (state), so utime (field 14) is fields[11] and stime (field 15) is fields[12].
            return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException unreadable) {
            return OptionalLong.empty();
        }
    }

    /** Returns VmRSS of a process in KiB from {@code /proc/PID/status}, or empty when it cannot be read. */
    static OptionalLong residentKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException unreadable) {
            return OptionalLong.empty();
        }
    }

    /** Returns the kernel's clock ticks per second (USER_HZ) from {@code getconf CLK_TCK}, or 100, its value on common Linux builds. */
    static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String output = new String(getconf.getInputStream().readAllBytes()).strip();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(output);
            }
        } catch (IOException | NumberFormatException unavailable) {
            // Fall back to the usual value below.
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not find a free TCP port", failed);
        }
    }
}
