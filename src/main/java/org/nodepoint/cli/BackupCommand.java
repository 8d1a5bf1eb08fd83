package org.nodepoint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nodepoint.NodePoint;
import org.nodepoint.operations.BackupException;
import org.nodepoint.operations.BackupFolder;
import org.nodepoint.operations.BackupWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {
            "Writes one zip archive with nodepoint.cfg, a consistent copy of the database and the uploads, while the server may keep running.",
            "Do not copy the database file itself instead: in WAL mode recent commits are still in its -wal file."})
public final class BackupCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Option(names = "--to", paramLabel = "FILE",
            description = "Archive to write; it must not exist. Default: DIR/backups/nodepoint-backup-<UTC time>.zip.")
    private Path to;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        Path archive = to != null ? to : new BackupFolder(data.path()).archiveFor(clock.instant());
        ByteProgressBar bar = new ByteProgressBar(err, "Backing up");
        BackupWriter.Result result;
        try {
            result = new BackupWriter(clock).write(data.path(), archive, bar);
        } catch (BackupException failed) {
            bar.finish();
            err.println("backup: " + failed.getMessage());
            return NodePoint.FAILURE;
        }
        bar.finish();
        long rows = result.manifest().rowCounts().values().stream().mapToLong(Long::longValue).sum();
        out.println(String.format(Locale.ROOT, "Wrote %s (%,d bytes): %d files, %,d rows in %d tables, schema version %s",
                result.archive(), result.archiveBytes(), result.manifest().files().size(), rows,
                result.manifest().rowCounts().size(), result.manifest().schemaVersion()));
        return 0;
    }
}
