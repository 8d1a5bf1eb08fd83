package org.nodepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.cli.CommandRun;

/**
 * A --data path that is a regular file: the command fails with one line that names the path,
 * never with a stack trace.
 */
class DataFolderCliTest {
    @TempDir
    Path folder;

    @Test
    void file_as_data_folder_fails_cleanly() throws Exception {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");

        CommandRun run = CommandRun.of("init", "--data", file.toString(), "--admin-password", "long password 1");

        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains(file.toString());
        assertThat(run.err()).doesNotContain("\tat ");
    }
}
