package org.nodepoint.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.cli.CommandRun;
import org.nodepoint.testing.TestNodePoint;

/** A database migrated by a newer NodePoint than this one. */
class NewerSchemaTest {
    @TempDir
    Path folder;

    /** Records a migration version 999 as applied, as a newer NodePoint would have. */
    private void addFutureMigration() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.wiring.database.write().useHandle(handle -> handle.execute("INSERT INTO flyway_schema_history"
                    + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
                    + " VALUES (999, '999', 'from a newer release', 'SQL', 'V999__from_a_newer_release.sql', 1, 'test', 1, 1)"));
        }
    }

    @Test
    void open_rejects_newer_schema() {
        addFutureMigration();

        assertThatThrownBy(() -> Database.open(folder.resolve("db/nodepoint.db")))
                .isInstanceOf(NewerSchemaException.class)
                .hasMessageContaining("schema version 999")
                .hasMessageContaining("newer than any this NodePoint knows");
    }

    @Test
    void serve_exits_with_message() {
        addFutureMigration();

        CommandRun run = CommandRun.of("serve", "--data", folder.toString(), "--host", "127.0.0.1", "--port", "1");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("schema version 999").contains("restore a backup taken before the upgrade");
    }

    @Test
    void current_schema_opens() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            assertThat(node.wiring.database.isHealthy()).isTrue();
        }

        try (Database database = Database.open(folder.resolve("db/nodepoint.db"))) {
            assertThat(database.isHealthy()).isTrue();
        }
    }
}
