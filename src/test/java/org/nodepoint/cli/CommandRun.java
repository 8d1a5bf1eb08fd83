package org.nodepoint.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.nodepoint.NodePoint;

/** One in-process run of the command line, with its exit status and captured output. */
public record CommandRun(int status, String out, String err) {
    public static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        try (PrintWriter outWriter = new PrintWriter(out, true); PrintWriter errWriter = new PrintWriter(err, true)) {
            status = NodePoint.run(args, outWriter, errWriter);
        }
        return new CommandRun(status, out.toString(), err.toString());
    }

    public List<String> outLines() {
        return out.lines().toList();
    }

    public List<String> errLines() {
        return err.lines().toList();
    }
}
