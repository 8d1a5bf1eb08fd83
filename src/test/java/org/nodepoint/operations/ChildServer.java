package org.nodepoint.operations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A NodePoint server in a child JVM ({@code java -cp <this test's class path> org.nodepoint.NodePoint
 * serve}) on a free port of 127.0.0.1. It is ready when its log prints the "is ready at" line,
 * which it prints after the port is open.
 */
public final class ChildServer implements AutoCloseable {
    /** A start on a busy 2-core machine takes a few seconds. This bound only turns a hung start into a failure. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);
    private static final int KEPT_LOG_LINES = 40;

    private final Process process;
    private final URI baseUri;
    private final ConcurrentLinkedDeque<String> lastLines;

    private ChildServer(Process process, URI baseUri, ConcurrentLinkedDeque<String> lastLines) {
        this.process = process;
        this.baseUri = baseUri;
        this.lastLines = lastLines;
    }

    /** Starts the server on the data folder and waits until it is ready. */
    public static ChildServer start(Path dataFolder) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // The test class path has a logback-test.xml that hides INFO lines, the ready line among them.
                "-Dlogback.configurationFile=logback.xml",
                "-cp", System.getProperty("java.class.path"), "org.nodepoint.NodePoint", "serve",
                "--data", dataFolder.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ConcurrentLinkedDeque<String> lastLines = new ConcurrentLinkedDeque<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> readLog(process, lastLines, ready), "child-server-log");
        reader.setDaemon(true);
        reader.start();
        ChildServer server = new ChildServer(process, URI.create("http://127.0.0.1:" + port), lastLines);
        try {
            ready.get(STARTUP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException failed) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("The child server did not become ready: " + failed.getMessage() + "; its last lines:\n"
                    + String.join("\n", lastLines), failed);
        }
        return server;
    }

    /** Drains the child's output, so that a full pipe never blocks it, and keeps the last lines for failure messages. */
    private static void readLog(Process process, ConcurrentLinkedDeque<String> lastLines, CompletableFuture<Void> ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                lastLines.addLast(line);
                if (lastLines.size() > KEPT_LOG_LINES) {
                    lastLines.pollFirst();
                }
                if (line.contains("NodePoint is ready at")) {
                    ready.complete(null);
                }
            }
        } catch (IOException closed) {
            // The process ended; the exit below reports it.
        }
        ready.completeExceptionally(new IllegalStateException("the process exited before it was ready"));
    }

    public URI baseUri() {
        return baseUri;
    }

    /** Kills the process with SIGKILL, as a power loss or the OOM killer would, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public String lastLogLines() {
        return String.join("\n", lastLines);
    }

    /** Stops the process with SIGTERM, so that its shutdown hook closes the database. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not find a free TCP port", failed);
        }
    }
}
