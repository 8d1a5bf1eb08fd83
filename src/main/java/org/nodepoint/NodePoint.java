package org.nodepoint;

import java.io.PrintWriter;
import java.util.List;
import org.nodepoint.cli.BackupCommand;
import org.nodepoint.cli.CheckCommand;
import org.nodepoint.cli.ImportCsvCommand;
import org.nodepoint.cli.ImportNodePointCommand;
import org.nodepoint.cli.InitCommand;
import org.nodepoint.cli.RestoreCommand;
import org.nodepoint.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command-line entry point: {@code serve} (the default), {@code init}, {@code import-csv},
 * {@code import-nodepoint}, {@code backup}, {@code restore} and {@code check}.
 */
@Command(
        name = "nodepoint",
        mixinStandardHelpOptions = true,
        versionProvider = NodePoint.Version.class,
        description = "NodePoint help desk. Without a command, runs 'serve'.",
        subcommands = {ServeCommand.class, InitCommand.class, ImportCsvCommand.class, ImportNodePointCommand.class,
            BackupCommand.class, RestoreCommand.class, CheckCommand.class})
public final class NodePoint {
    /** Exit status for a bad or missing option, as picocli and most Unix tools use it. */
    public static final int USAGE_ERROR = 2;
    /** Exit status for a command that started but failed, such as a port already in use. */
    public static final int FAILURE = 1;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command and returns its exit status; used by main and by the tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new NodePoint());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((failure, arguments) -> {
            CommandLine failed = failure.getCommandLine();
            err.println(failed.getCommandName() + ": " + describe(failure) + " (see '" + helpCommand(failed) + "')");
            return USAGE_ERROR;
        });
        commandLine.setExecutionExceptionHandler((failure, failed, parseResult) -> {
            err.println(failed.getCommandName() + ": " + describeFailure(failure));
            return FAILURE;
        });
        return commandLine.execute(withDefaultCommand(args));
    }

    /**
     * Describes an unexpected failure in one line: the outermost message and, when it adds
     * something, the root cause ("Failed to create ... (FileAlreadyExistsException: /srv/np)").
     */
    static String describeFailure(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (root == failure || (root.getMessage() != null && top.contains(root.getMessage()))) {
            return firstLine(top);
        }
        return firstLine(top) + " (" + root.getClass().getSimpleName() + ": " + firstLine(String.valueOf(root.getMessage())) + ")";
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /**
     * Returns the failure's message, except that an unknown option wins over a missing required one:
     * picocli checks required options first, so a misspelt required option would otherwise be
     * reported as missing and the misspelling never shown.
     */
    private static String describe(CommandLine.ParameterException failure) {
        List<String> unmatched = failure.getCommandLine().getUnmatchedArguments();
        if (failure instanceof CommandLine.MissingParameterException && !unmatched.isEmpty()) {
            return new CommandLine.UnmatchedArgumentException(failure.getCommandLine(), unmatched).getMessage();
        }
        return failure.getMessage();
    }

    private static String helpCommand(CommandLine commandLine) {
        String qualified = commandLine.getCommandSpec().qualifiedName(" ");
        return qualified + " --help";
    }

    /** Puts "serve" in front when no command is named, so that options alone start the server. */
    static String[] withDefaultCommand(String[] args) {
        List<String> commands = List.of("serve", "init", "import-csv", "import-nodepoint", "backup", "restore", "check", "help");
        List<String> topLevel = List.of("-h", "--help", "-V", "--version");
        if (args.length == 0) {
            return new String[] {"serve"};
        }
        if (commands.contains(args[0]) || topLevel.contains(args[0])) {
            return args;
        }
        String[] withServe = new String[args.length + 1];
        withServe[0] = "serve";
        System.arraycopy(args, 0, withServe, 1, args.length);
        return withServe;
    }

    /** Reads the version from the JAR manifest, which Maven fills from pom.xml. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = NodePoint.class.getPackage().getImplementationVersion();
            return new String[] {"NodePoint " + (version == null ? "(development build)" : version)};
        }
    }

    private NodePoint() {
    }
}
