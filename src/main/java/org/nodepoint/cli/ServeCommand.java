package org.nodepoint.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.nodepoint.NodePoint;
import org.nodepoint.Wiring;
import org.nodepoint.db.OwnerOnly;
import org.nodepoint.operations.BackupException;
import org.nodepoint.operations.StartupCheck;
import org.nodepoint.setup.SetupCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the web interface and the JSON API until stopped (SIGTERM or Ctrl-C).")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    private DataDirectory data;

    @Spec
    private CommandSpec spec;

    private int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "0.0.0.0", description = "Address to listen on. Default: ${DEFAULT-VALUE} (every interface).")
    private String host;

    @Option(names = "--trust-proxy", description = "Take the client address and the https scheme from the X-Forwarded-* and Forwarded "
            + "headers. Set it only behind a reverse proxy that overwrites those headers, because any client can send them.")
    private boolean trustProxy;

    /** Checks the range while parsing, so that a bad port is reported like any other bad option. */
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "TCP port to listen on (1-65535). Default: ${DEFAULT-VALUE}.")
    void setPort(int port) {
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--port': " + port + " is not between 1 and 65535");
        }
        this.port = port;
    }

    /**
     * Takes an exclusive lock on nodepoint.lock in the data folder, or returns null when another
     * process holds it. Two servers on one folder would each keep their own sign-in throttle and
     * settings in memory. The lock lasts until this process ends.
     */
    private static FileLock lockDataFolder(Path folder) throws IOException {
        OwnerOnly.createFolder(folder);
        FileChannel channel = FileChannel.open(folder.resolve("nodepoint.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
        }
        return lock;
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        FileLock lock = lockDataFolder(data.path());
        if (lock == null) {
            spec.commandLine().getErr().println("serve: another NodePoint process is already serving " + data.path().toAbsolutePath().normalize()
                    + "; stop it first or choose another --data folder");
            return NodePoint.FAILURE;
        }
        try {
            StartupCheck.requireIntactDatabase(data.path());
        } catch (BackupException damaged) {
            spec.commandLine().getErr().println("serve: " + damaged.getMessage());
            return NodePoint.FAILURE;
        }
        Wiring wiring = Wiring.open(data.path());
        SetupCode setupCode = SetupCode.random();
        String devTemplates = System.getenv("NODEPOINT_DEV");
        Javalin app = wiring.createApp(setupCode, "true".equals(devTemplates) ? Path.of("templates") : null, trustProxy);
        try {
            app.start(host, port);
        } catch (RuntimeException failure) {
            wiring.close();
            throw failure;
        }
        wiring.scheduledBackups.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping NodePoint");
            app.stop();
            wiring.close();
            log.info("NodePoint stopped");
            stopped.countDown();
        }, "nodepoint-shutdown"));

        String shownHost = "0.0.0.0".equals(host) ? "localhost" : host;
        log.info("NodePoint is ready at http://{}:{}/ (data folder {})", shownHost, app.port(), data.path().toAbsolutePath().normalize());
        if (!wiring.settings.current().isConfigured()) {
            log.info("First-run setup: open http://127.0.0.1:{}/setup on this machine and enter the setup code {}",
                    app.port(), setupCode.value());
        }
        stopped.await();
        // Keeps the lock's channel reachable until the server has stopped; an unreachable channel may be closed.
        java.lang.ref.Reference.reachabilityFence(lock);
        return 0;
    }
}
