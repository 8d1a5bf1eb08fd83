package org.nodepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nodepoint.NodePoint;
import org.nodepoint.Wiring;
import org.nodepoint.config.Settings;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.setup.SetupForm;
import org.nodepoint.setup.SetupService;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.web.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Creates a data folder with nodepoint.cfg and the database, without a browser.")
public final class InitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder to create.")
    private Path data;

    @Option(names = "--admin-password", required = true, paramLabel = "PW", description = "Administrator password (8 to 128 characters).")
    private String adminPassword;

    @Option(names = "--admin-name", defaultValue = "admin", paramLabel = "NAME", description = "Administrator name. Default: ${DEFAULT-VALUE}.")
    private String adminName;

    @Option(names = "--site-name", defaultValue = "NodePoint", paramLabel = "NAME", description = "Name shown at the top of every page. Default: ${DEFAULT-VALUE}.")
    private String siteName;

    @Option(names = "--ticket-visibility", defaultValue = "Restricted", paramLabel = "VIS",
            description = "Who may read tickets: Public, Private or Restricted. Default: ${DEFAULT-VALUE}.")
    private String ticketVisibility;

    @Option(names = "--api-read-key", defaultValue = "", paramLabel = "KEY", description = "API read key (16 to 128 letters, digits, '-' or '_'). Default: generated.")
    private String apiReadKey;

    @Option(names = "--api-write-key", defaultValue = "", paramLabel = "KEY", description = "API write key (16 to 128 letters, digits, '-' or '_'). Default: generated.")
    private String apiWriteKey;

    @Option(names = "--force", description = "Overwrite an existing nodepoint.cfg (the database and its data are kept).")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path settingsFile = Wiring.settingsFile(data);
        if (Files.exists(settingsFile) && !force) {
            err.println("init: " + settingsFile + " already exists; add --force to overwrite it");
            return 1;
        }
        SetupForm form = new SetupForm(adminName.strip(), adminPassword, adminPassword, siteName,
                ticketVisibility, false, false, apiReadKey, apiWriteKey);
        try {
            SetupService.check(form).throwIfAny();
        } catch (ValidationException invalid) {
            return reject(invalid, err);
        }
        try (Wiring wiring = Wiring.open(data)) {
            Map<String, String> values = wiring.setup.configure(form);
            wiring.systemLog.record(LogCategory.SYSTEM, "", "Wrote the first configuration with the init command; the administrator is "
                    + form.adminName());
            out.println("Created " + data.toAbsolutePath() + " (nodepoint.cfg and " + Wiring.DEFAULT_DATABASE + ")");
            out.println("Administrator: " + form.adminName());
            out.println("API read key:  " + values.get(Settings.API_READ_KEY));
            out.println("API write key: " + values.get(Settings.API_WRITE_KEY));
            return 0;
        } catch (ValidationException invalid) {
            return reject(invalid, err);
        }
    }

    /** Prints one line per invalid option and returns the usage-error status. */
    private static int reject(ValidationException invalid, PrintWriter err) {
        Text text = new Text(java.util.Locale.ENGLISH);
        invalid.asMap().forEach((field, message) -> err.println("init: " + optionName(field) + ": " + text.plain(message.key(), message.args())));
        return NodePoint.USAGE_ERROR;
    }

    private static String optionName(String field) {
        return switch (field) {
            case "adminName" -> "--admin-name";
            case "password", "password2" -> "--admin-password";
            case "siteName" -> "--site-name";
            case "ticketVisibility" -> "--ticket-visibility";
            case "apiReadKey" -> "--api-read-key";
            case "apiWriteKey" -> "--api-write-key";
            default -> field;
        };
    }
}
