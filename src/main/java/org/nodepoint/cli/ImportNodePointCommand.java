package org.nodepoint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nodepoint.NodePoint;
import org.nodepoint.legacyimport.ImportSummary;
import org.nodepoint.legacyimport.LegacyImport;
import org.nodepoint.legacyimport.LegacyImportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "import-nodepoint", mixinStandardHelpOptions = true,
        description = {
            "Imports a NodePoint 1.x installation (nodepoint.cfg, db/nodepoint.db and uploads/) into a new data folder.",
            "The data folder must be empty or set up by 'init' only. The 1.x files are only read.",
            "Prints, for each 1.x table, the rows read, imported and skipped, with the reasons."})
public final class ImportNodePointCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Option(names = "--from", required = true, paramLabel = "OLD_DIR",
            description = "Folder of the 1.x installation: the one that contains nodepoint.cfg, db/ and www/.")
    private Path from;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone of the 1.x server, such as Europe/Berlin; 1.x stored times in its local time without a zone. "
                    + "Also becomes the time_zone setting. Default: the zone of this computer.")
    private String zone;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(from)) {
            err.println("import-nodepoint: --from " + from + " is not a folder; name the folder of the 1.x installation");
            return NodePoint.USAGE_ERROR;
        }
        ZoneId serverZone;
        try {
            serverZone = zone == null ? null : ZoneId.of(zone.strip());
        } catch (DateTimeException invalid) {
            err.println("import-nodepoint: --zone " + zone + " is not a time zone; use a name such as Europe/Berlin or UTC");
            return NodePoint.USAGE_ERROR;
        }
        long started = System.nanoTime();
        try {
            ProgressBar bar = new ProgressBar(err, LegacyImport.countRows(from), System.console() != null);
            ImportSummary summary = new LegacyImport(Clock.systemUTC()).run(from, data.path(), serverZone, rows -> bar.update(rows, rows));
            bar.finish();
            summary.lines().forEach(out::println);
            out.println(String.format(Locale.ROOT, "imported %d rows, skipped %d rows in %.1f s",
                    summary.imported(), summary.skipped(), (System.nanoTime() - started) / 1e9));
            return 0;
        } catch (LegacyImportException failed) {
            err.println("import-nodepoint: " + failed.getMessage() + "; nothing was imported");
            return NodePoint.FAILURE;
        }
    }
}
