package org.nodepoint.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.nodepoint.config.SettingsFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * An open-loop HTTP load driver for a NodePoint server in another process. A program, not a test:
 * run it as docs/benchmarks.md shows. See {@link OpenLoopRun} for how requests are scheduled and
 * how latency is measured.
 */
@Command(name = "load-driver", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sends requests to a NodePoint server at a fixed rate, whatever its response times (an open loop), "
                + "and reports latency percentiles measured from each request's scheduled start.",
                "Scenarios: list, ticket, search-rare, search-common, api-list, api-show, create, comment, mixed. "
                + "The create, comment and mixed scenarios add tickets and comments to the data folder."})
public final class LoadDriver implements Callable<Integer> {
    static final String DEFAULT_JAR = "target/nodepoint.jar";
    static final String DEFAULT_ADMIN_PASSWORD = "admin-password-1";
    /** Threads that hand requests to the HTTP clients; see {@link OpenLoopRun}. */
    private static final int SENDER_THREADS = 4;

    @Spec
    private CommandSpec spec;

    @Option(names = "--server-data", paramLabel = "DIR",
            description = "Data folder to serve: the driver starts java -jar JAR serve on it on a free port of 127.0.0.1 and stops it at the end.")
    private Path serverData;

    @Option(names = "--url", paramLabel = "URL", description = "Base URL of a server that is already running, in place of --server-data.")
    private URI url;

    @Option(names = "--server-pid", paramLabel = "PID", description = "Process id of the server given by --url, for its CPU use and memory.")
    private Long serverPid;

    @Option(names = "--server-jar", paramLabel = "JAR", defaultValue = DEFAULT_JAR, description = "Server JAR. Default: ${DEFAULT-VALUE}.")
    private Path serverJar;

    @Option(names = "--server-jvm-args", paramLabel = "ARGS", defaultValue = "",
            description = "JVM options of the started server, separated by spaces, for example \"-Xmx512m -XX:+UseParallelGC\".")
    private String serverJvmArgs;

    @Option(names = "--admin-name", paramLabel = "NAME", defaultValue = "admin", description = "Account to sign in with. Default: ${DEFAULT-VALUE}.")
    private String adminName;

    @Option(names = "--admin-password", paramLabel = "PASSWORD", defaultValue = DEFAULT_ADMIN_PASSWORD,
            description = "Password of that account. Default: ${DEFAULT-VALUE}.")
    private String adminPassword;

    @Option(names = "--read-key", paramLabel = "KEY", description = "API read key. Default: api_read of DIR/nodepoint.cfg.")
    private String readKey;

    // NOTE: no scenario writes through the API yet (create and comment use the web forms), so this key is read but unused.
    @Option(names = "--write-key", paramLabel = "KEY", description = "API write key. Default: api_write of DIR/nodepoint.cfg.")
    private String writeKey;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Scenario to run; repeat for several. Default: all, in the order above.")
    private List<String> scenarios = new ArrayList<>();

    @Option(names = "--rate", paramLabel = "R", defaultValue = "100",
            description = "Requests per second (with --find-max, the first step's rate). Default: ${DEFAULT-VALUE}.")
    private double rate;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "30", description = "Measured seconds per scenario. Default: ${DEFAULT-VALUE}.")
    private double duration;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "10",
            description = "Seconds of unmeasured load at the same rate before each scenario (before the first step with --find-max). "
                    + "Default: ${DEFAULT-VALUE}.")
    private double warmup;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "10",
            description = "Seconds after which a request counts as timed out. Default: ${DEFAULT-VALUE}.")
    private double timeout;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "2",
            description = "HTTP clients that requests are spread over, each with its own connection pool and selector thread. "
                    + "Default: ${DEFAULT-VALUE}.")
    private int clients;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "1000",
            description = "Open requests above which a due request is not sent and counts as an error. Default: ${DEFAULT-VALUE}.")
    private int maxInFlight;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the random ids, pages and words. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--rare-word", paramLabel = "WORD", defaultValue = "firmware", description = "Word of search-rare. Default: ${DEFAULT-VALUE}.")
    private String rareWord;

    @Option(names = "--common-word", paramLabel = "WORD", defaultValue = "access", description = "Word of search-common. Default: ${DEFAULT-VALUE}.")
    private String commonWord;

    @Option(names = "--list-status", paramLabel = "STATUS", defaultValue = "New",
            description = "Status filter of the list scenario. Default: ${DEFAULT-VALUE}.")
    private String listStatus;

    @Option(names = "--find-max", description = "Run the mixed scenario at rising rates until p99 passes --p99-limit-ms or errors appear, "
            + "and report the highest rate that passed. Replaces --scenario.")
    private boolean findMax;

    @Option(names = "--step-factor", paramLabel = "F", defaultValue = "1.5", description = "Rate factor between steps of --find-max. Default: ${DEFAULT-VALUE}.")
    private double stepFactor;

    @Option(names = "--step-duration", paramLabel = "S", defaultValue = "20", description = "Seconds per step of --find-max. Default: ${DEFAULT-VALUE}.")
    private double stepDuration;

    @Option(names = "--p99-limit-ms", paramLabel = "MS", defaultValue = "100",
            description = "p99 latency above which a step of --find-max fails. Default: ${DEFAULT-VALUE}.")
    private double p99LimitMillis;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "12", description = "Steps of --find-max at most. Default: ${DEFAULT-VALUE}.")
    private int maxSteps;

    private final long clockTicks = ServerProcess.clockTicksPerSecond();

    public static void main(String[] args) {
        int status = new CommandLine(new LoadDriver()).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        ServerProcess server = null;
        try {
            URI baseUri = url;
            Long pid = serverPid;
            if (serverData != null) {
                readKeysFromDataFolder();
                List<String> jvmArgs = serverJvmArgs.isBlank() ? List.of() : Arrays.asList(serverJvmArgs.strip().split("\\s+"));
                server = ServerProcess.start(serverJar, serverData, jvmArgs);
                baseUri = server.baseUri();
                pid = server.pid();
                System.out.printf(Locale.ROOT, "Server: pid %d at %s, log %s%n", pid, baseUri, server.log());
                System.out.printf(Locale.ROOT, "Startup: %.0f ms from starting the process to the first 200 on /health%n",
                        server.startupNanos() / 1e6);
            }
            checkApiKeys();
            SignedInSite site = SignedInSite.signIn(baseUri, adminName, adminPassword);
            System.out.printf(Locale.ROOT, "Signed in as %s; %d products, highest ticket id %d%n", adminName, site.productIds.size(),
                    site.maxTicketId);
            printMachine();

            Scenarios requests = new Scenarios(site, seed, Duration.ofMillis(Math.round(timeout * 1000)), listStatus, rareWord, commonWord,
                    readKey);
            OpenLoopRun runner = new OpenLoopRun(newClients(), Duration.ofMillis(Math.round(timeout * 1000)), maxInFlight,
                    Executors.newFixedThreadPool(SENDER_THREADS, daemonThreads("load-driver-send")));
            Measurement measurement = new Measurement(runner, requests, pid);
            if (findMax) {
                findMaxRate(measurement);
            } else {
                runScenarios(measurement);
            }
            System.out.println();
            System.out.println("Reproduce with (the create, comment and mixed scenarios change the data, so start from a fresh copy):");
            System.out.println("  " + reproduceCommand());
            return 0;
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private void runScenarios(Measurement measurement) throws InterruptedException {
        List<String> names = scenarios.isEmpty() ? Scenarios.NAMES : scenarios;
        List<ScenarioResult> results = new ArrayList<>();
        for (String name : names) {
            results.add(measurement.scenario(name, rate, warmup, duration));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Results: %.1f requests/s scheduled, %.0f s measured after %.0f s of warm-up per scenario%n", rate, duration,
                warmup);
        System.out.println(ScenarioResult.TABLE_HEADER);
        for (ScenarioResult result : results) {
            result.tableRows().forEach(System.out::println);
        }
        printNotes(results);
    }

    /**
     * Raises the rate of the mixed scenario by --step-factor per step until a step has an error or
     * a p99 above the limit, or --max-steps have run, so the search always ends.
     */
    private void findMaxRate(Measurement measurement) throws InterruptedException {
        List<ScenarioResult> steps = new ArrayList<>();
        double stepRate = rate;
        double highestPassed = -1;
        String stopReason = "every one of the " + maxSteps + " steps passed; raise --max-steps or --rate to go further";
        for (int step = 0; step < maxSteps; step++) {
            ScenarioResult result = measurement.scenario(Scenarios.MIXED, stepRate, step == 0 ? warmup : 0, stepDuration);
            steps.add(result);

            RunSummary total = result.total();
            double p99Millis = total.latencyPercentile(99) / 1e6;
            if (total.errors() > 0 || p99Millis > p99LimitMillis) {
                stopReason = String.format(Locale.ROOT, "the step at %.1f/s failed: %d errors, p99 %.2f ms (limit %.0f ms)", stepRate,
                        total.errors(), p99Millis, p99LimitMillis);
                if (total.sendLagPercentile(99) > RunSummary.LATE_SEND_NANOS) {
                    stopReason += "; the driver itself fell behind its schedule (send lag p99 "
                            + ScenarioResult.millis(total.sendLagPercentile(99)) + " ms), so the limit may be the driver's";
                }
                break;
            }
            highestPassed = stepRate;
            stepRate *= stepFactor;
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "Find-max: mixed scenario, %.0f s per step, rate x%.2f per step, pass = no errors and p99 <= %.0f ms%n",
                stepDuration, stepFactor, p99LimitMillis);
        System.out.println(ScenarioResult.TABLE_HEADER);
        for (ScenarioResult result : steps) {
            result.tableRows().forEach(System.out::println);
        }
        printNotes(steps);
        System.out.println();
        System.out.println(highestPassed < 0 ? "Highest passing rate: none, the first step already failed"
                : String.format(Locale.ROOT, "Highest passing rate: %.1f requests/s", highestPassed));
        System.out.println("Stopped because " + stopReason + ".");
    }

    /** Prints each kind of error with its first message, and every run in which the driver sent late. */
    private static void printNotes(List<ScenarioResult> results) {
        for (ScenarioResult result : results) {
            RunSummary total = result.total();
            for (Map.Entry<String, Integer> error : total.errorsByKind.entrySet()) {
                System.out.printf(Locale.ROOT, "Errors in %s at %.1f/s: %d x %s, first: %s%n", result.name(), result.rate(), error.getValue(),
                        error.getKey(), total.firstMessageByKind.getOrDefault(error.getKey(), "no message"));
            }
            for (ScenarioResult.Part part : result.parts()) {
                part.summary().errorsByKind.forEach((kind, count) ->
                        System.out.printf(Locale.ROOT, "  of which %s: %d x %s%n", part.label(), count, kind));
            }
            if (total.lateSends > 0) {
                System.out.printf(Locale.ROOT, "Driver behind schedule in %s at %.1f/s: %d of %d requests sent more than %d ms late, max %s ms%n",
                        result.name(), result.rate(), total.lateSends, total.scheduled, RunSummary.LATE_SEND_NANOS / 1_000_000,
                        ScenarioResult.millis(total.maxSendLag()));
            }
        }
    }

    /** The warm-up and measured phases of scenarios, with the /proc figures of the server around them. */
    private final class Measurement {
        private final OpenLoopRun runner;
        private final Scenarios requests;
        private final Long serverPid;

        Measurement(OpenLoopRun runner, Scenarios requests, Long serverPid) {
            this.runner = runner;
            this.requests = requests;
            this.serverPid = serverPid;
        }

        ScenarioResult scenario(String name, double scenarioRate, double warmupSeconds, double seconds) throws InterruptedException {
            OptionalLong idleRss = serverPid == null ? OptionalLong.empty() : ServerProcess.residentKib(serverPid);
            OpenLoopRun.RequestSource source = requests.source(name);
            if (warmupSeconds > 0) {
                RunSummary warm = RunSummary.of(runner.run(source, scenarioRate, warmupSeconds), null);
                System.out.printf(Locale.ROOT, "%-14s warm-up  %6.1f/s for %4.0f s: %6d sent, %4d errors%n", name, scenarioRate, warmupSeconds,
                        warm.sent, warm.errors());
            }

            long driverPid = ProcessHandle.current().pid();
            OptionalLong serverBefore = serverPid == null ? OptionalLong.empty() : ServerProcess.cpuTicks(serverPid);
            OptionalLong driverBefore = ServerProcess.cpuTicks(driverPid);
            long started = System.nanoTime();
            OpenLoopRun.RunResult run = runner.run(source, scenarioRate, seconds);
            double wallSeconds = (System.nanoTime() - started) / 1e9;
            OptionalLong serverAfter = serverPid == null ? OptionalLong.empty() : ServerProcess.cpuTicks(serverPid);
            OptionalLong driverAfter = ServerProcess.cpuTicks(driverPid);
            OptionalLong endRss = serverPid == null ? OptionalLong.empty() : ServerProcess.residentKib(serverPid);

            RunSummary total = RunSummary.of(run, null);
            List<ScenarioResult.Part> parts = new ArrayList<>();
            if (name.equals(Scenarios.MIXED)) {
                for (String label : Scenarios.NAMES) {
                    if (run.labels.contains(label)) {
                        parts.add(new ScenarioResult.Part(label, RunSummary.of(run, label)));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%-14s measured %6.1f/s for %4.0f s: %6d sent, %4d errors, p99 %s ms%n", name, scenarioRate, seconds,
                    total.sent, total.errors(), ScenarioResult.millis(total.latencyPercentile(99)));
            return new ScenarioResult(name, scenarioRate, total, parts, cpuPercent(serverBefore, serverAfter, wallSeconds),
                    cpuPercent(driverBefore, driverAfter, wallSeconds), idleRss, endRss);
        }
    }

    /** Returns CPU time as a percentage of one core over {@code wallSeconds}, or NaN when /proc could not be read. */
    private double cpuPercent(OptionalLong before, OptionalLong after, double wallSeconds) {
        if (before.isEmpty() || after.isEmpty() || wallSeconds <= 0) {
            return Double.NaN;
        }
        return (after.getAsLong() - before.getAsLong()) * 100.0 / clockTicks / wallSeconds;
    }

    /**
     * Builds the HTTP/1.1 clients. A JDK client takes an idle connection from its pool or opens a
     * new one (jdk.internal.net.http.HttpConnection.getConnection), so each open request has its own.
     */
    private List<HttpClient> newClients() {
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads("load-driver-http"));
        List<HttpClient> built = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            built.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofMillis(Math.round(timeout * 1000))).executor(executor).build());
        }
        return built;
    }

    /** Daemon threads let exec:java return once the report is printed. */
    private static ThreadFactory daemonThreads(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private void checkOptions() {
        if ((serverData == null) == (url == null)) {
            throw new ParameterException(spec.commandLine(), "Give exactly one of --server-data DIR and --url URL");
        }
        if (serverPid != null && url == null) {
            throw new ParameterException(spec.commandLine(), "--server-pid goes with --url; with --server-data the driver knows the pid");
        }
        for (String name : scenarios) {
            if (!Scenarios.NAMES.contains(name)) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--scenario': '" + name + "' (valid: "
                        + String.join(", ", Scenarios.NAMES) + ")");
            }
        }
        if (findMax && !scenarios.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--find-max always runs the mixed scenario; leave out --scenario");
        }
        requirePositive("--rate", rate);
        requirePositive("--duration", duration);
        requirePositive("--timeout", timeout);
        requirePositive("--clients", clients);
        requirePositive("--max-in-flight", maxInFlight);
        requirePositive("--step-duration", stepDuration);
        requirePositive("--p99-limit-ms", p99LimitMillis);
        requirePositive("--max-steps", maxSteps);
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--warmup': " + warmup + " (must be 0 or more)");
        }
        if (stepFactor <= 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--step-factor': " + stepFactor + " (must be above 1)");
        }
    }

    private void requirePositive(String option, double value) {
        if (!(value > 0)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + value + " (must be above 0)");
        }
    }

    private void readKeysFromDataFolder() throws java.io.IOException {
        Map<String, String> settings = new SettingsFile(serverData.resolve("nodepoint.cfg")).load();
        if (readKey == null) {
            readKey = settings.get("api_read");
        }
        if (writeKey == null) {
            writeKey = settings.get("api_write");
        }
    }

    /** Rejects the run before it starts when an API scenario is selected and no read key is known. */
    private void checkApiKeys() {
        List<String> selected = findMax ? List.of(Scenarios.MIXED) : scenarios.isEmpty() ? Scenarios.NAMES : scenarios;
        boolean usesApi = selected.stream().anyMatch(name -> Scenarios.API_SCENARIOS.contains(name) || name.equals(Scenarios.MIXED));
        if (usesApi && (readKey == null || readKey.isBlank())) {
            throw new ParameterException(spec.commandLine(), "The API scenarios (api-list, api-show, mixed) need --read-key KEY "
                    + "(with --server-data it is read from nodepoint.cfg, which has no api_read value here)");
        }
    }

    private static void printMachine() {
        System.out.printf(Locale.ROOT, "Driver: %d cores, Java %s, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** Returns the Maven command with every setting of this run. Secrets are left as placeholders. */
    String reproduceCommand() {
        List<String> args = new ArrayList<>();
        if (serverData != null) {
            args.addAll(List.of("--server-data", serverData.toAbsolutePath().normalize().toString()));
        } else {
            args.addAll(List.of("--url", url.toString()));
            if (serverPid != null) {
                args.addAll(List.of("--server-pid", serverPid.toString()));
            }
            args.addAll(List.of("--read-key", "READ_KEY"));
        }
        if (!serverJar.equals(Path.of(DEFAULT_JAR))) {
            args.addAll(List.of("--server-jar", serverJar.toString()));
        }
        if (!serverJvmArgs.isBlank()) {
            args.addAll(List.of("--server-jvm-args", serverJvmArgs.strip()));
        }
        if (!adminName.equals("admin")) {
            args.addAll(List.of("--admin-name", adminName));
        }
        if (!adminPassword.equals(DEFAULT_ADMIN_PASSWORD)) {
            args.addAll(List.of("--admin-password", "PASSWORD"));
        }
        if (findMax) {
            args.addAll(List.of("--find-max", "--step-factor", number(stepFactor), "--step-duration", number(stepDuration), "--p99-limit-ms",
                    number(p99LimitMillis), "--max-steps", String.valueOf(maxSteps)));
        } else {
            for (String name : scenarios) {
                args.addAll(List.of("--scenario", name));
            }
            args.addAll(List.of("--duration", number(duration)));
        }
        args.addAll(List.of("--rate", number(rate), "--warmup", number(warmup), "--timeout", number(timeout), "--clients",
                String.valueOf(clients), "--max-in-flight", String.valueOf(maxInFlight), "--seed", String.valueOf(seed), "--rare-word", rareWord,
                "--common-word", commonWord, "--list-status", listStatus));
        String joined = String.join(" ", args.stream().map(arg -> arg.matches("[A-Za-z0-9_./:=+-]+") ? arg : "\"" + arg + "\"").toList());
        return "mvn -B -ntp -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=" + LoadDriver.class.getName()
                + " -Dexec.args='" + joined + "'";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
