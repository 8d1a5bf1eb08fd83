package org.nodepoint.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.config.Plugin;
import org.nodepoint.testing.TestNodePoint;

class CommandTemplateTest {
    private static final Set<String> NAMES = Set.of("title", "user");

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            echo %title%                      | echo "$NODEPOINT_TITLE"
            echo "x %title% y"                | echo "x ${NODEPOINT_TITLE} y"
            echo 'x %title% y'                | echo 'x '"$NODEPOINT_TITLE"' y'
            echo %user%.log                   | echo "$NODEPOINT_USER".log
            date +%Y%m%d %title%              | date +%Y%m%d "$NODEPOINT_TITLE"
            echo %x%title%                    | echo %x"$NODEPOINT_TITLE"
            echo %due% %title%                | echo %due% "$NODEPOINT_TITLE"
            echo \\' %title%                  | echo \\' "$NODEPOINT_TITLE"
            echo "\\" %title%"                | echo "\\" ${NODEPOINT_TITLE}"
            echo "$(printf %title%)"          | echo "$(printf "$NODEPOINT_TITLE")"
            echo "$( (echo) ; echo %title%)"  | echo "$( (echo) ; echo "$NODEPOINT_TITLE")"
            echo "`echo %title%`"             | echo "`echo "$NODEPOINT_TITLE"`"
            echo %title% # it's %user%        | echo "$NODEPOINT_TITLE" # it's %user%
            echo a#b'%title%'                 | echo a#b''"$NODEPOINT_TITLE"''
            """)
    void names_are_quoted_for_their_context(String template, String expected) {
        assertThat(CommandTemplate.script(template, NAMES)).isEqualTo(expected);
    }

    @Test
    void comment_ends_at_line_end() {
        String script = CommandTemplate.script("# don't\necho %title%", NAMES);

        assertThat(script).isEqualTo("# don't\necho \"$NODEPOINT_TITLE\"");
    }

    @Test
    void name_without_value_stays() {
        assertThat(CommandTemplate.script("echo %title%", Set.of())).isEqualTo("echo %title%");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            printf '%s' %title%
            printf '%s' "[%title%]"
            printf '%s' '[%title%]'
            printf '%s' "$(printf '%s' %title%)"
            """)
    void shell_receives_value_intact_in_each_context(String command) throws IOException {
        String value = "a  *  $(touch pwned) 'b' \"c\" \\ `touch pwned`\n日本語";
        boolean bracketed = command.contains("[");
        try (TestNodePoint node = TestNodePoint.configured(folder.resolve("data"))) {
            Path result = folder.resolve("result");
            node.set("newticket_plugin", command + " > '" + result + "'");

            node.wiring.plugins.run(Plugin.NEW_TICKET, "dana", Map.of("title", value));

            String expected = bracketed ? "[" + value + "]" : value;
            // Command substitution drops trailing newlines; the value has none at its end.
            assertThat(Files.readAllBytes(result)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        }
        try (var files = Files.walk(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).doesNotContain("pwned");
        }
    }
}
