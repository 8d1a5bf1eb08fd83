package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.sharedfiles.NewLink;
import org.nodepoint.sharedfiles.SharedFile;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** The list_files call: the NodePoint 1.x layout, with the file number as id instead of the download key. */
class ListFilesApiTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private User rita;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder);
        rita = node.user("rita", Level.AUTHORIZED);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private String call(String... namesAndValues) {
        String[] body = new String[1];
        node.http((server, client) -> body[0] = new ApiClient(client.getOrigin()).post("/nodepoint/", namesAndValues).body());
        return body[0];
    }

    private NewLink share(String name, String content) {
        return node.sharedFile(node.viewer(rita), name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void list_files_has_exact_layout() {
        NewLink manual = share("manual \"v2\".pdf", "manual");
        NewLink notes = share("notes.txt", "some notes");
        SharedFile first = node.wiring.sharedFiles.find(manual.fileId());
        SharedFile second = node.wiring.sharedFiles.find(notes.fileId());

        String answer = call("api", "list_files", "key", READ_KEY);

        assertThat(answer).isEqualTo("{\n \"message\": \"Files list.\",\n \"status\": \"OK\",\n \"files\": [\n"
                + "  {\n   \"id\": \"" + manual.fileId() + "\",\n   \"file_name\": \"manual \\\"v2\\\".pdf\",\n   \"uploaded_by\": \"rita\",\n"
                + "   \"uploaded_on\": \"" + ApiClient.ctime(first.uploadedAt()) + "\",\n   \"size\": \"6\"\n  },\n"
                + "  {\n   \"id\": \"" + notes.fileId() + "\",\n   \"file_name\": \"notes.txt\",\n   \"uploaded_by\": \"rita\",\n"
                + "   \"uploaded_on\": \"" + ApiClient.ctime(second.uploadedAt()) + "\",\n   \"size\": \"10\"\n  }\n ]\n}\n");
    }

    @Test
    void list_files_hides_links_and_deleted_files() {
        NewLink kept = share("kept.txt", "kept");
        NewLink removed = share("removed.txt", "removed");
        node.wiring.sharedFiles.delete(node.admin(), removed.fileId());

        String answer = call("api", "list_files", "key", READ_KEY);

        assertThat(answer).contains("kept.txt").doesNotContain("removed.txt");
        String token = kept.path().substring(kept.path().lastIndexOf('/') + 1);
        assertThat(answer).doesNotContain(token);
    }

    @Test
    void list_files_needs_read_key() {
        assertThat(call("api", "list_files", "key", READ_KEY))
                .isEqualTo("{\n \"message\": \"Files list.\",\n \"status\": \"OK\",\n \"files\": [\n\n ]\n}\n");
        assertThat(call("api", "list_files", "key", WRITE_KEY))
                .isEqualTo("{\n \"message\": \"Invalid 'key' value.\",\n \"status\": \"ERR_INVALID_KEY\"\n}\n");
        assertThat(call("api", "list_files"))
                .isEqualTo("{\n \"message\": \"Missing 'key' argument.\",\n \"status\": \"ERR_MISSING_ARGUMENT\"\n}\n");
    }
}
