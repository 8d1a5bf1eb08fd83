package org.nodepoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nodepoint.cli.CommandRun;

class NodePointTest {
    @ParameterizedTest
    @ValueSource(strings = {"serve", "init", "import-csv"})
    void command_help_describes_its_options(String command) {
        CommandRun run = CommandRun.of(command, "--help");

        assertThat(run.status()).isEqualTo(0);
        assertThat(run.out()).contains("Usage: nodepoint " + command);
        assertThat(run.out()).contains("--data");
        assertThat(run.out()).contains("--help");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void serve_help_lists_port_and_host() {
        CommandRun run = CommandRun.of("serve", "--help");

        assertThat(run.out()).contains("--port=PORT");
        assertThat(run.out()).contains("--host=HOST");
    }

    @Test
    void init_help_lists_admin_and_keys() {
        CommandRun run = CommandRun.of("init", "--help");

        assertThat(run.out()).contains("--admin-password=PW");
        assertThat(run.out()).contains("--admin-name=NAME");
        assertThat(run.out()).contains("--api-read-key=KEY");
        assertThat(run.out()).contains("--api-write-key=KEY");
        assertThat(run.out()).contains("--force");
    }

    @Test
    void import_help_lists_map_and_title_words() {
        CommandRun run = CommandRun.of("import-csv", "--help");

        assertThat(run.out()).contains("--map=FIELD=COLUMN");
        assertThat(run.out()).contains("--title-words=N");
        assertThat(run.out()).contains("--product=NAME");
        assertThat(run.out()).contains("FILE");
    }

    @Test
    void top_level_help_lists_commands() {
        CommandRun run = CommandRun.of("--help");

        assertThat(run.status()).isEqualTo(0);
        assertThat(run.out()).contains("serve");
        assertThat(run.out()).contains("init");
        assertThat(run.out()).contains("import-csv");
    }

    @Test
    void version_option_prints_version() {
        CommandRun run = CommandRun.of("--version");

        assertThat(run.status()).isEqualTo(0);
        assertThat(run.out()).startsWith("NodePoint ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "init", "import-csv"})
    void unknown_option_exits_with_one_line(String command) {
        CommandRun run = CommandRun.of(command, "--no-such-option");

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--no-such-option");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknown_option_without_command_reaches_serve() {
        CommandRun run = CommandRun.of("--no-such-option");

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("serve: ");
        assertThat(run.err()).contains("--no-such-option");
    }

    @Test
    void misspelt_required_option_is_named() {
        CommandRun run = CommandRun.of("init", "--data", "unused", "--admin-pasword", "secret-password");

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("Unknown option");
        assertThat(run.err()).contains("'--admin-pasword'");
    }

    @Test
    void init_without_required_options_names_them() {
        CommandRun run = CommandRun.of("init");

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--data");
        assertThat(run.err()).contains("--admin-password");
    }

    @Test
    void import_without_file_names_parameter() {
        CommandRun run = CommandRun.of("import-csv", "--data", "unused");

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("FILE");
    }

    @Test
    void option_missing_its_value_names_option() {
        CommandRun run = CommandRun.of("serve", "--port");

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "65536", "99999999999"})
    void bad_port_exits_with_one_line(String port) {
        CommandRun run = CommandRun.of("serve", "--port", port);

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--port");
        assertThat(run.err()).contains(port);
    }

    @Test
    void no_arguments_run_serve() {
        assertThat(NodePoint.withDefaultCommand(new String[0])).containsExactly("serve");
    }

    @Test
    void options_alone_get_serve_in_front() {
        String[] args = {"--port", "9000", "--data", "/srv/np"};

        assertThat(NodePoint.withDefaultCommand(args)).containsExactly("serve", "--port", "9000", "--data", "/srv/np");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "init", "import-csv", "help", "-h", "--help", "-V", "--version"})
    void named_command_stays_unchanged(String first) {
        String[] args = {first, "--data", "x"};

        assertThat(NodePoint.withDefaultCommand(args)).containsExactly(first, "--data", "x");
    }
}
