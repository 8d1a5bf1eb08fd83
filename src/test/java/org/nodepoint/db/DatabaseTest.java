package org.nodepoint.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path folder;

    @Test
    void statement_error_leaves_out_bound_values() {
        try (Database database = Database.open(folder.resolve("test.db"))) {
            database.write().useHandle(handle -> handle.execute("CREATE TABLE tokens (value TEXT NOT NULL UNIQUE)"));
            database.write().useHandle(handle -> handle.execute("INSERT INTO tokens (value) VALUES (?)", "secret-token-value"));

            assertThatThrownBy(() -> database.write().useHandle(handle -> handle.execute("INSERT INTO tokens (value) VALUES (?)", "secret-token-value")))
                    .isInstanceOf(UnableToExecuteStatementException.class)
                    .hasMessageContaining("UNIQUE")
                    .hasMessageNotContaining("secret-token-value");
        }
    }
}
