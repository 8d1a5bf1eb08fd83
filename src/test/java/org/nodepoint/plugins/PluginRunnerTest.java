package org.nodepoint.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Plugin;
import org.nodepoint.plugins.PluginResult.Outcome;
import org.nodepoint.syslog.LogEntry;
import org.nodepoint.testing.CapturedLogs;
import org.nodepoint.testing.TestNodePoint;

/** The plugin runner against real /bin/sh processes, with the values and output read back from files. */
class PluginRunnerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Shell syntax of every kind, which the command must receive as plain text. */
    static final String HOSTILE = "$(touch pwned) `touch pwned` 'single' \"double\" ; | && $HOME * \\ 日本語";

    @TempDir
    Path folder;

    private TestNodePoint node;
    private Path output;

    @BeforeEach
    void start() throws IOException {
        node = TestNodePoint.configured(folder.resolve("data"));
        output = Files.createDirectories(folder.resolve("output"));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void hostile_value_arrives_byte_for_byte() throws IOException {
        String value = HOSTILE + "\nsecond line\n";
        node.set("newticket_plugin", "printf '%s' %title% > " + file("title"));

        PluginResult result = node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of("title", value));

        assertThat(result.succeeded()).isTrue();
        assertThat(Files.readAllBytes(output.resolve("title"))).isEqualTo(value.getBytes(StandardCharsets.UTF_8));
        assertNoPwnedFile();
    }

    @Test
    void nul_is_removed_from_value() throws IOException {
        node.set("newticket_plugin", "printf '%s' %title% > " + file("title"));

        node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of("title", "before\0after"));

        assertThat(Files.readString(output.resolve("title"))).isEqualTo("beforeafter");
    }

    @Test
    void unknown_names_stay_as_written() throws IOException {
        node.set("newticket_plugin", "printf '%s|' %unknown% %TITLE% 100%% %title% > " + file("line"));

        node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of("title", "Printer"));

        assertThat(Files.readString(output.resolve("line"))).isEqualTo("%unknown%|%TITLE%|100%%|Printer|");
    }

    @Test
    void environment_holds_only_needed_variables() throws IOException {
        node.set("newticket_plugin", "env > " + file("environment"));

        node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of("title", "Printer", "release", "1.0"));

        List<String> names = Files.readAllLines(output.resolve("environment")).stream()
                .filter(line -> line.contains("=")).map(line -> line.substring(0, line.indexOf('='))).toList();
        assertThat(names).contains("PATH", "NODEPOINT_TITLE", "NODEPOINT_RELEASE");
        assertThat(names).allMatch(name -> List.of("PATH", "HOME", "TZ", "LANG", "PWD").contains(name)
                || name.startsWith("LC_") || name.startsWith("NODEPOINT_"), "allowed variable");
    }

    @Test
    void commands_run_in_data_folder() throws IOException {
        node.set("newticket_plugin", "pwd > " + file("folder"));

        node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of());

        assertThat(Path.of(Files.readString(output.resolve("folder")).strip()).toRealPath()).isEqualTo(folder.resolve("data").toRealPath());
    }

    /** Returns the text of the bytes, failing the test when they are not valid UTF-8, as a value cut inside a character would be. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException invalid) {
            throw new AssertionError("The command received invalid UTF-8", invalid);
        }
    }

    @Test
    void long_values_are_cut_to_fit_environment() throws IOException {
        // 150,000 and 80,000 bytes of UTF-8: over Linux's limit of 128 KiB for one environment variable, and over the cut.
        String chinese = "漢".repeat(50_000);
        String emoji = "😀".repeat(20_000);
        // 65,535 bytes: just under the cut, so it arrives unchanged.
        String fits = "字".repeat(21_845);
        node.set("newticket_plugin", "printf '%s' %title% > " + file("title") + "; printf '%s' %description% > " + file("description")
                + "; printf '%s' %release% > " + file("release"));

        PluginResult result = node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of("title", chinese, "description", emoji, "release", fits));

        assertThat(result.succeeded()).as("run succeeded: %s", result.output()).isTrue();
        for (Map.Entry<String, String> cut : Map.of("title", chinese, "description", emoji).entrySet()) {
            byte[] received = Files.readAllBytes(output.resolve(cut.getKey()));
            String text = strictUtf8(received);
            assertThat(received.length).as(cut.getKey() + " bytes").isLessThanOrEqualTo(PluginRunner.MAX_VALUE_BYTES);
            assertThat(received.length).as(cut.getKey() + " bytes").isGreaterThan(PluginRunner.MAX_VALUE_BYTES - 4);
            assertThat(text).as(cut.getKey()).endsWith(PluginRunner.CUT_MARKER);
            assertThat(cut.getValue()).as(cut.getKey()).startsWith(text.substring(0, text.length() - PluginRunner.CUT_MARKER.length()));
        }
        assertThat(Files.readString(output.resolve("release"))).isEqualTo(fits);
    }

    @Test
    void exit_code_and_output_reach_system_log() {
        node.set("newticket_plugin", "echo first line; echo 'second line' >&2; exit 3");

        PluginResult result = node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of());

        assertThat(result.outcome()).isEqualTo(Outcome.EXITED);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.succeeded()).isFalse();
        LogEntry entry = newestEntry();
        assertThat(entry.category()).isEqualTo("plugin");
        assertThat(entry.actor()).isEqualTo("dana");
        assertThat(entry.message()).isEqualTo("Plugin newticket_plugin exited with code 3. Output:\nfirst line\nsecond line");
    }

    @Test
    void silent_success_is_logged() {
        node.set("newticket_plugin", "true");

        node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of());

        assertThat(newestEntry().message()).isEqualTo("Plugin newticket_plugin exited with code 0. No output.");
    }

    @Test
    void long_output_is_cut_in_log() {
        node.set("newticket_plugin", "seq 1 100");

        PluginResult result = node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of());

        List<String> expected = IntStream.rangeClosed(1, PluginOutput.MAX_LINES).mapToObj(Integer::toString).toList();
        assertThat(result.output()).isEqualTo(expected);
        assertThat(result.outputCut()).isTrue();
        assertThat(newestEntry().message()).endsWith("\n" + PluginOutput.MAX_LINES + "\n(output cut)");
    }

    @Test
    void long_lines_are_cut_at_character_limit() {
        node.set("newticket_plugin", "printf '%0600d\\n' 1 2 3");

        PluginResult result = node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of());

        assertThat(result.output()).hasSize(2);
        assertThat(String.join("", result.output())).hasSize(PluginOutput.MAX_CHARACTERS);
        assertThat(result.outputCut()).isTrue();
    }

    @Test
    void time_limit_stops_command_and_its_children() throws IOException {
        node.set("plugin_timeout", "2");
        // The shell starts a background sleep and a child shell with a sleep of its own, waits until
        // both have written their process ids, and then sleeps in the foreground.
        node.set("newticket_plugin", "sleep 60 & echo $! > " + file("child.pid") + "; "
                + "sh -c 'sleep 60 & echo $! > " + file("grandchild.pid") + "; wait' & "
                + "while [ ! -s " + file("grandchild.pid") + " ]; do sleep 0.01; done; echo started; sleep 60");

        PluginResult result = node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of());

        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.output()).containsExactly("started");
        assertThat(isRunning(output.resolve("child.pid"))).as("background sleep").isFalse();
        assertThat(isRunning(output.resolve("grandchild.pid"))).as("sleep started by a child shell").isFalse();
        assertThat(newestEntry().message())
                .isEqualTo("Plugin newticket_plugin timed out after 2 s and was stopped with every process it started. Output:\nstarted");
    }

    @Test
    void processes_left_running_are_stopped() throws IOException {
        node.set("plugin_timeout", "60");
        node.set("newticket_plugin", "sleep 60 > /dev/null 2>&1 & echo $! > " + file("child.pid") + "; echo done");

        PluginResult result = node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of());

        assertThat(result.outcome()).isEqualTo(Outcome.EXITED);
        assertThat(result.exitCode()).isZero();
        assertThat(result.leftoversStopped()).isTrue();
        assertThat(isRunning(output.resolve("child.pid"))).isFalse();
        assertThat(newestEntry().message())
                .isEqualTo("Plugin newticket_plugin exited with code 0. The processes it left running were stopped. Output:\ndone");
    }

    /**
     * Writes a Python program that moves into a process group of its own, as setpgid(0, 0) does,
     * writes its process id to the file named by its first argument and sleeps for 300 s.
     */
    private String ownGroupSleeper() throws IOException {
        Path program = output.resolve("own_group.py");
        Files.writeString(program, String.join("\n",
                "import os, sys, time",
                "os.setpgid(0, 0)",
                "with open(sys.argv[1], 'w') as pid_file:",
                "    pid_file.write(str(os.getpid()))",
                "time.sleep(300)",
                ""));
        return "python3 '" + program + "' " + file("own_group.pid") + " > /dev/null 2>&1";
    }

    /** Kills the process named by the file, if it runs, so that a failed test leaves nothing behind. */
    private static void killIfRunning(Path pidFile) throws IOException {
        if (Files.exists(pidFile)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void leftover_in_own_group_is_stopped() throws IOException {
        node.set("plugin_timeout", "60");
        node.set("newticket_plugin", ownGroupSleeper() + " & while [ ! -s " + file("own_group.pid") + " ]; do sleep 0.01; done; echo done");

        try {
            PluginResult result = node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of());

            assertThat(result.outcome()).isEqualTo(Outcome.EXITED);
            assertThat(result.leftoversStopped()).isTrue();
            assertThat(isRunning(output.resolve("own_group.pid"))).as("process in a group of its own").isFalse();
        } finally {
            killIfRunning(output.resolve("own_group.pid"));
        }
    }

    @Test
    void time_limit_stops_process_in_own_group() throws IOException {
        node.set("plugin_timeout", "2");
        // A child shell starts the program and exits at once, so the program is no longer a descendant of the plugin's shell.
        node.set("newticket_plugin", "sh -c \"" + ownGroupSleeper().replace("\"", "\\\"") + " &\"; "
                + "while [ ! -s " + file("own_group.pid") + " ]; do sleep 0.01; done; echo started; sleep 60");

        try {
            PluginResult result = node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of());

            assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(result.output()).containsExactly("started");
            assertThat(isRunning(output.resolve("own_group.pid"))).as("process in a group of its own").isFalse();
        } finally {
            killIfRunning(output.resolve("own_group.pid"));
        }
    }

    @Test
    void empty_template_runs_nothing() {
        node.set("newticket_plugin", "");

        PluginResult result = node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of("title", "Printer"));
        boolean queued = node.wiring.plugins.submit(Plugin.NEW_TICKET, "dana", Map.of("title", "Printer"));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_CONFIGURED);
        assertThat(queued).isFalse();
        assertThat(node.wiring.systemLog.newest(0, 10)).isEmpty();
    }

    @Test
    void standard_input_is_closed_by_default() throws IOException {
        node.set("newticket_plugin", "cat > " + file("input") + "; echo read");

        PluginResult result = node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of());

        assertThat(result.output()).containsExactly("read");
        assertThat(Files.readString(output.resolve("input"))).isEmpty();
    }

    @Test
    void password_reaches_command_but_no_log() throws IOException {
        String password = "correct horse $(battery)";
        String input = "staple-from-stdin";
        node.set("auth_plugin", "printf '%s' %pass% > " + file("pass") + "; cat > " + file("input")
                + "; echo user %user% pass %pass%; cat " + file("input"));

        PluginResult result;
        try (CapturedLogs logs = new CapturedLogs()) {
            result = node.wiring.plugins.run(Plugin.AUTHENTICATION, "dana", Map.of("user", "dana", "pass", password), input + "\n");
            assertThat(logs.lines()).noneMatch(line -> line.contains(password) || line.contains(input));
        }

        assertThat(Files.readString(output.resolve("pass"))).isEqualTo(password);
        assertThat(Files.readString(output.resolve("input"))).isEqualTo(input + "\n");
        assertThat(result.output()).containsExactly("user dana pass [hidden]", "[hidden]");
        String logged = newestEntry().message();
        assertThat(logged).doesNotContain(password).doesNotContain(input).contains("user dana pass [hidden]");
    }

    @Test
    void submitted_runs_finish_before_await_returns() throws IOException {
        node.set("newticket_plugin", "printf '%s' %ticket% >> " + file("tickets"));

        for (int ticket = 1; ticket <= 5; ticket++) {
            assertThat(node.wiring.plugins.submit(Plugin.NEW_TICKET, "dana", Map.of("ticket", Integer.toString(ticket)))).isTrue();
        }
        node.wiring.plugins.awaitIdle(WAIT);

        String written = Files.readString(output.resolve("tickets"));
        assertThat(Arrays.stream(written.split("")).sorted().collect(Collectors.joining())).isEqualTo("12345");
        assertThat(node.wiring.systemLog.newest(0, 10)).hasSize(5);
    }

    @Test
    void full_queue_drops_run_and_logs_it() throws IOException {
        node.set("plugin_timeout", "60");
        node.set("newticket_plugin", "while [ ! -e " + file("gate") + " ]; do sleep 0.05; done; echo ran %ticket%");
        try (PluginRunner runner = new PluginRunner(node.wiring.settings, node.wiring.systemLog, folder, 1, 1)) {
            // The one thread takes the first run at once and the queue of one takes the second, so the third has no room.
            boolean first = runner.submit(Plugin.NEW_TICKET, "dana", Map.of("ticket", "1"));
            boolean second = runner.submit(Plugin.NEW_TICKET, "dana", Map.of("ticket", "2"));
            boolean third = runner.submit(Plugin.NEW_TICKET, "dana", Map.of("ticket", "3"));

            assertThat(List.of(first, second, third)).containsExactly(true, true, false);
            assertThat(newestEntry().message()).isEqualTo("Plugin newticket_plugin did not run because the queue of waiting "
                    + "plugin runs was full (capacity 1). Runs dropped since the previous entry like this: 1.");

            Files.createFile(output.resolve("gate"));
            runner.awaitIdle(WAIT);
        }
        assertThat(node.wiring.systemLog.newest(0, 10)).extracting(LogEntry::message).filteredOn(message -> message.contains("exited"))
                .containsExactlyInAnyOrder("Plugin newticket_plugin exited with code 0. Output:\nran 1",
                        "Plugin newticket_plugin exited with code 0. Output:\nran 2");
    }

    @Test
    void closed_runner_takes_no_runs() {
        node.set("newticket_plugin", "true");
        PluginRunner runner = new PluginRunner(node.wiring.settings, node.wiring.systemLog, folder);
        runner.close();

        boolean queued = runner.submit(Plugin.NEW_TICKET, "dana", Map.of());

        assertThat(queued).isFalse();
        runner.awaitIdle(WAIT);
    }

    private String file(String name) {
        return "'" + output.resolve(name) + "'";
    }

    private LogEntry newestEntry() {
        return node.wiring.systemLog.newest(0, 1).get(0);
    }

    private void assertNoPwnedFile() throws IOException {
        try (var files = Files.walk(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).doesNotContain("pwned");
        }
        assertThat(Path.of("pwned")).doesNotExist();
    }

    /**
     * True while the process exists and is not a zombie. A killed process whose parent has gone
     * stays a zombie until the system's init process reaps it, and Java's ProcessHandle counts a
     * zombie as alive.
     */
    private static boolean isRunning(Path pidFile) throws IOException {
        String pid = Files.readString(pidFile).strip();
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (NoSuchFileException gone) {
            return false;
        }
    }
}
