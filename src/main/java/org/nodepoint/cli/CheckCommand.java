package org.nodepoint.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.nodepoint.NodePoint;
import org.nodepoint.operations.BackupException;
import org.nodepoint.operations.DataCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {
            "Checks a data folder: the database's integrity and foreign keys, and that every uploaded file that a row names is present.",
            "Exits with 0 when every check passes and 1 otherwise. It may run while the server is running."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<DataCheck.Part> parts;
        try {
            parts = DataCheck.run(data.path());
        } catch (BackupException failed) {
            err.println("check: " + failed.getMessage());
            return NodePoint.FAILURE;
        }
        for (DataCheck.Part part : parts) {
            out.println((part.passed() ? "passed  " : "FAILED  ") + part.name());
            part.problems().forEach(problem -> out.println("        " + problem));
        }
        if (DataCheck.allPassed(parts)) {
            out.println("All checks passed");
            return 0;
        }
        err.println("check: " + parts.stream().filter(part -> !part.passed()).count() + " of " + parts.size() + " checks failed");
        return NodePoint.FAILURE;
    }
}
