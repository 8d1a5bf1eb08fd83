package org.nodepoint.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sqlite.SQLiteDataSource;

/**
 * The migration that stores time entries in hundredths of an hour converts the whole minutes of
 * earlier entries as minutes * 100 / 60, rounded to the nearest hundredth.
 */
class ExactHoursMigrationTest {
    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} minutes")
    @CsvSource({"90, 150", "60, 100", "15, 25", "1, 2", "2, 3", "3, 5", "0, 0", "-1, -2", "-2, -3", "-30, -50", "10080, 16800"})
    void minutes_become_hundredths(long minutes, long hundredths) {
        Path file = folder.resolve("nodepoint.db");
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        // Version 5 is the last released schema with time in whole minutes; Database.open applies the rest.
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("5").load().migrate();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (name, level, created_at) VALUES ('mona', 3, 0)");
            statement.execute("INSERT INTO products (name, name_key, created_at) VALUES ('Printers', 'printers', 0)");
            statement.execute("INSERT INTO tickets (product_id, created_by, title, description, created_at) "
                    + "SELECT p.id, u.id, 'Jam', 'Tray 2', 0 FROM products p, users u WHERE u.name = 'mona'");
            statement.execute("INSERT INTO time_entries (ticket_id, user_id, minutes, created_at) "
                    + "SELECT t.id, t.created_by, " + minutes + ", 1234 FROM tickets t");
        } catch (java.sql.SQLException failure) {
            throw new AssertionError(failure);
        }

        try (Database database = Database.open(file)) {
            List<List<Object>> rows = database.read().withHandle(handle -> handle
                    .createQuery("SELECT u.name, t.title, e.hundredths, e.created_at FROM time_entries e "
                            + "JOIN users u ON u.id = e.user_id JOIN tickets t ON t.id = e.ticket_id")
                    .map((rs, ctx) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                    .list());

            assertThat(rows).containsExactly(List.of("mona", "Jam", hundredths, 1234L));
        }
    }
}
