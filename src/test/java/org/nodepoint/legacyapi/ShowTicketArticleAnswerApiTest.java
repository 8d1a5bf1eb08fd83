package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.events.Origin;
import org.nodepoint.forms.AnswerSet;
import org.nodepoint.forms.FieldType;
import org.nodepoint.forms.TicketForm;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.NewTicket;

/** show_ticket names the article that a custom form answer chose only while the article is published. */
class ShowTicketArticleAnswerApiTest {
    @TempDir
    Path folder;

    @Test
    void article_title_hidden_once_unpublished() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Printers", "Public");
            long guide = node.article("Clearing jams", product, "", true);
            TicketForm form = node.form("Article form", FieldType.ARTICLE);
            node.wiring.forms.assign(node.admin(), form.id(), product.id());
            long id = node.wiring.formFiling.file(node.admin(), new NewTicket(product.id(), "", "Paper jam", "Tray 2 jams", ""),
                    new AnswerSet(form.id(), form.version(), Map.of(1, String.valueOf(guide))), "127.0.0.1", Origin.WEB);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                String published = api.get("/nodepoint/", "api", "show_ticket", "id", String.valueOf(id), "key", READ_KEY)
                        .json().path("description").asText();
                node.wiring.articles.setPublished(node.admin(), guide, false);
                String draft = api.get("/nodepoint/", "api", "show_ticket", "id", String.valueOf(id), "key", READ_KEY)
                        .json().path("description").asText();

                assertThat(published).isEqualTo("Tray 2 jams\n\narticle\tClearing jams");
                assertThat(draft).doesNotContain("Clearing jams");
            });
        }
    }
}
