package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.events.Origin;
import org.nodepoint.forms.AnswerSet;
import org.nodepoint.forms.FormDraft;
import org.nodepoint.forms.TicketForm;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.NewTicket;

/** show_ticket of a ticket filed through a custom form: the answers follow the description, as 1.x wrote them into it. */
class ShowTicketAnswersApiTest {
    @TempDir
    Path folder;

    @Test
    void answered_questions_follow_description() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Printers", "Public");
            TicketForm form = node.wiring.forms.create(node.admin(), new FormDraft("Printer form", "Title", "Description", false,
                    List.of(new FormDraft.Row("Which tray?", "short_text", false), new FormDraft.Row("Pages", "number", false),
                            new FormDraft.Row("Since \"when\"?", "date", false))));
            node.wiring.forms.assign(node.admin(), form.id(), product.id());
            long id = node.wiring.formFiling.file(node.admin(), new NewTicket(product.id(), "", "Paper jam", "Tray 2 jams", ""),
                    new AnswerSet(form.id(), form.version(), Map.of(1, "Tray 2", 3, "2025-03-31")), "127.0.0.1", Origin.WEB);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "show_ticket", "id", String.valueOf(id), "key", READ_KEY);

                assertThat(response.json().path("description").asText())
                        .isEqualTo("Tray 2 jams\n\nWhich tray?\tTray 2\n\nSince \"when\"?\t2025-03-31");
            });
        }
    }

    @Test
    void ticket_without_form_keeps_description() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Printers", "Public");
            long id = node.ticket(node.admin(), product, "Paper jam", "Tray 2 jams");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "show_ticket", "id", String.valueOf(id), "key", READ_KEY);

                assertThat(response.json().path("description").asText()).isEqualTo("Tray 2 jams");
            });
        }
    }
}
