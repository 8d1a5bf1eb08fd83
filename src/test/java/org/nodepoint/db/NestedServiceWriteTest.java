package org.nodepoint.db;

import org.nodepoint.events.Origin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.NewTicket;

/**
 * A service write called from inside a write task runs on the task's handle instead of waiting for
 * the writer thread, which is busy with that task, so it commits or rolls back with the task.
 */
class NestedServiceWriteTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product product;
    private GroupCommitWriter writer;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder);
        product = node.product("Laptops", "Public");
        writer = node.wiring.database.groupCommitWriter();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void service_write_commits_with_task() {
        long before = writer.commitCount();

        long id = writer.inTransaction(handle -> {
            handle.execute("UPDATE products SET description = 'Filed from a task' WHERE id = ?", product.id());
            return fileTicket();
        });

        assertThat(node.wiring.tickets.findVisible(node.admin(), id).title()).isEqualTo("Screen flickers");
        assertThat(node.wiring.products.findById(product.id()).orElseThrow().description()).isEqualTo("Filed from a task");
        assertThat(writer.commitCount() - before).isEqualTo(1);
    }

    @Test
    void service_write_rolls_back_with_task() {
        IllegalStateException failure = new IllegalStateException("task failed after filing");

        assertThatThrownBy(() -> writer.useTransaction(handle -> {
            fileTicket();
            throw failure;
        })).isSameAs(failure);

        assertThat(node.wiring.tickets.listByProduct(product.id()).tickets()).isEmpty();
    }

    private long fileTicket() {
        return node.wiring.tickets.file(node.admin(), new NewTicket(product.id(), "", "Screen flickers", "Since Monday", "Normal"), Origin.WEB);
    }
}
