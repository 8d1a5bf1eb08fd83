package org.nodepoint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nodepoint.NodePoint;
import org.nodepoint.operations.BackupException;
import org.nodepoint.operations.BackupManifest;
import org.nodepoint.operations.BackupRestore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {
            "Restores a backup archive into a new or empty data folder, after checking the size and SHA-256 of every file.",
            "A damaged or incomplete archive is rejected and leaves nothing behind."})
public final class RestoreCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup archive (.zip) to restore.")
    private Path archive;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder to create; it must be absent or empty.")
    private Path data;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ByteProgressBar bar = new ByteProgressBar(err, "Restoring");
        BackupManifest manifest;
        try {
            manifest = BackupRestore.restore(archive, data, bar);
        } catch (BackupException rejected) {
            bar.finish();
            err.println("restore: " + rejected.getMessage());
            return NodePoint.FAILURE;
        }
        bar.finish();
        out.println("Restored " + manifest.files().size() + " files of the backup taken at " + manifest.createdAt() + " into "
                + data.toAbsolutePath().normalize() + " (schema version " + manifest.schemaVersion() + ")");
        out.println("Start the server with: serve --data " + data);
        return 0;
    }
}
