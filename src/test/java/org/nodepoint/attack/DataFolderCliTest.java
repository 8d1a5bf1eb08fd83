package org.nodepoint.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.cli.CommandRun;

/**
 * FAILS on the current code: when --data names a regular file, init (and serve) print a Java stack
 * trace of about 25 lines instead of one line that names the path and reports that it is not a folder.
 */
class DataFolderCliTest {
    @TempDir
    Path folder;

    @Test
    void fileAsDataFolderFailsCleanly() throws Exception {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");

        CommandRun run = CommandRun.of("init", "--data", file.toString(), "--admin-password", "long password 1");

        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains(file.toString());
        assertThat(run.err()).doesNotContain("\tat ");
    }
}
