package org.nodepoint.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.Priority;
import org.nodepoint.tickets.Ticket;
import org.nodepoint.users.Level;

/** Filing tickets through custom forms over HTTP: the form shown, validation per type, stored answers and their display. */
class FormFilingRoutesTest {
    /**
     * Every available type but the last seven, which {@link #SECOND_TYPES} has, so that two forms cover
     * them all. The file type needs a multipart post, so FormFileRoutesTest covers it.
     */
    private static final List<FieldType> FIRST_TYPES = List.of(FieldType.SHORT_TEXT, FieldType.LONG_TEXT, FieldType.NUMBER,
            FieldType.CHECKBOX, FieldType.YES_NO, FieldType.TRUE_FALSE, FieldType.EMAIL, FieldType.SCALE, FieldType.SUBMITTER_ADDRESS);
    private static final List<FieldType> SECOND_TYPES = List.of(FieldType.SATISFACTION, FieldType.DATE, FieldType.PHONE,
            FieldType.PRIORITY, FieldType.USER, FieldType.ASSIGNEE, FieldType.SHORT_TEXT);

    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product printers;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
        printers = node.product("Printers", "Public");
        node.user("reporter", Level.AUTHORIZED);
        node.user("dana", Level.TICKETS_MANAGEMENT);
        node.user("lee", Level.AUTHORIZED);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void two_forms_cover_every_available_type() {
        List<FieldType> covered = new ArrayList<>(FIRST_TYPES);
        covered.addAll(SECOND_TYPES);
        covered.add(FieldType.FILE);
        // OwnItemsFieldTest files with the own items field.
        covered.add(FieldType.OWN_ITEMS);
        // ClientFieldFilingTest files through the client field, which needs clients in the directory.
        covered.add(FieldType.CLIENT);
        // OwnTasksFieldTest files with the own tasks field, which needs tasks in the project.
        covered.add(FieldType.OWN_TASKS);
        // ArticleFieldFilingTest files through the article field, which needs published articles.
        covered.add(FieldType.ARTICLE);

        assertThat(covered).containsAll(FieldType.offered());
    }

    @Test
    void first_form_files_and_shows_answers() {
        TicketForm form = node.form("Printer form", FIRST_TYPES.toArray(FieldType[]::new));
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            Document page = Jsoup.parse(reporter.get("/tickets/new?product=" + printers.id()).body());
            assertThat(page.select("label[for=title]").text()).isEqualTo("Title");
            assertThat(page.select("#answer9").text()).isEqualTo("127.0.0.1");
            assertThat(page.select("#priority")).isEmpty();

            Browser.Page created = reporter.post("/tickets", filing(printers, form, "Paper jam", "Tray 2 jams",
                    "Tray 2", "Jams on\nevery page", "3,5", "Yes", "no", "TRUE", "reporter@example.com", "7", "203.0.113.9"));

            assertThat(created.status()).isEqualTo(302);
            long id = idIn(created.location());
            assertThat(answers(id)).containsExactly(
                    new TicketAnswer(1, "short_text", "short_text", "Tray 2", null),
                    new TicketAnswer(2, "long_text", "long_text", "Jams on\nevery page", null),
                    new TicketAnswer(3, "number", "number", "3,5", null),
                    new TicketAnswer(4, "checkbox", "checkbox", "Yes", null),
                    new TicketAnswer(5, "yes_no", "yes_no", "No", null),
                    new TicketAnswer(6, "true_false", "true_false", "True", null),
                    new TicketAnswer(7, "email", "email", "reporter@example.com", null),
                    new TicketAnswer(8, "scale", "scale", "7", null),
                    new TicketAnswer(9, "submitter_address", "submitter_address", "127.0.0.1", null));
            Ticket ticket = node.wiring.tickets.findVisible(node.admin(), id);
            assertThat(ticket.description()).isEqualTo("Tray 2 jams");
            Map<String, String> shown = shownAnswers(reporter.get("/tickets/" + id));
            assertThat(shown).containsEntry("short_text", "Tray 2").containsEntry("long_text", "Jams on\nevery page")
                    .containsEntry("number", "3,5").containsEntry("checkbox", "Yes").containsEntry("yes_no", "No")
                    .containsEntry("true_false", "True").containsEntry("email", "reporter@example.com")
                    .containsEntry("scale", "7").containsEntry("submitter_address", "127.0.0.1");
        });
    }

    @Test
    void second_form_sets_priority_and_assignee() {
        TicketForm form = node.form("Printer form", SECOND_TYPES.toArray(FieldType[]::new));
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            Document page = Jsoup.parse(reporter.get("/tickets/new?product=" + printers.id()).body());
            assertThat(page.select("#answer6-names option").eachAttr("value")).containsExactly("admin", "dana");
            assertThat(page.select("#answer5-names option").eachAttr("value")).contains("dana", "lee", "reporter");
            assertThat(page.select("#answer2").attr("type")).isEqualTo("date");

            Browser.Page created = reporter.post("/tickets", filing(printers, form, "Paper jam", "Tray 2 jams",
                    "A lot", "2025-03-31", "+1 (555) 010-0199", "high", "LEE", "dana", ""));

            assertThat(created.status()).isEqualTo(302);
            long id = idIn(created.location());
            assertThat(answers(id)).extracting(TicketAnswer::value)
                    .containsExactly("A lot", "2025-03-31", "+1 (555) 010-0199", "High", "lee", "dana", "");
            assertThat(node.wiring.tickets.findVisible(node.admin(), id).priorityLevel()).isEqualTo(Priority.HIGH);
            assertThat(node.wiring.tickets.show(node.admin(), id).assignees()).containsExactly("dana");
            Document shown = Jsoup.parse(reporter.get("/tickets/" + id).body());
            assertThat(shownAnswers(shown)).containsEntry("satisfaction", "A lot").containsEntry("date", "2025-03-31")
                    .containsEntry("priority", "High").containsEntry("user", "lee").containsEntry("assignee", "dana")
                    .containsEntry("short_text", "No answer");
        });
    }

    @ParameterizedTest(name = "{0} rejects \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            number            | twelve                | enter a number
            number            | 1e3                   | enter a number
            email             | not-an-address        | e-mail address
            email             | a@b                   | e-mail address
            date              | 2025-02-30            | year-month-day
            date              | 31/03/2025            | year-month-day
            scale             | 11                    | whole number from 1 to 10
            scale             | 0                     | whole number from 1 to 10
            yes_no            | Maybe                 | choose one of Yes, No
            true_false        | yes                   | choose one of True, False
            satisfaction      | Very                  | choose one of Extremely, A lot, Moderately, Slightly, Not at all
            priority          | Urgent                | choose one of Low, Normal, High
            checkbox          | on                    | ticked or not
            phone             | call me               | phone number
            phone             | 12                    | phone number
            user              | nobody                | user who may sign in
            assignee          | lee                   | level 3 or above
            """)
    void invalid_answer_is_rejected_with_message(String type, String value, String message) {
        FieldType fieldType = FieldType.parse(type).orElseThrow();
        TicketForm form = node.form("One question", fieldType);
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());

            Browser.Page page = reporter.post("/tickets", filing(printers, form, "Paper jam", "Tray 2 jams", value));

            assertThat(page.status()).isEqualTo(422);
            Document html = Jsoup.parse(page.body());
            assertThat(html.select("#answer1-error").text()).startsWith(type + ":").contains(message);
            assertThat(html.select("#answer1.is-invalid, input[name=answer1].is-invalid, select[name=answer1].is-invalid")).isNotEmpty();
            assertThat(html.select("#title").attr("value")).isEqualTo("Paper jam");
            assertStoredNothing();
        });
    }

    @Test
    void answers_over_length_are_rejected() {
        TicketForm form = node.form("Texts", FieldType.SHORT_TEXT, FieldType.LONG_TEXT);
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());

            Browser.Page page = reporter.post("/tickets", filing(printers, form, "Paper jam", "Tray 2 jams",
                    "s".repeat(AnswerRules.MAX_SHORT_TEXT_LENGTH + 1), "l".repeat(AnswerRules.MAX_LONG_TEXT_LENGTH + 1)));

            assertThat(page.status()).isEqualTo(422);
            Document html = Jsoup.parse(page.body());
            assertThat(html.select("#answer1-error").text()).contains("at most 200 characters");
            assertThat(html.select("#answer2-error").text()).contains("at most 10000 characters");
            assertStoredNothing();
        });
    }

    @Test
    void required_answers_are_enforced_with_ticket_fields() {
        String body = EditorForm.named("Required").row("Serial number", "short_text", true)
                .row("I read the manual", "checkbox", true).row("Impact", "satisfaction", true).encoded();
        node.http((server, client) -> {
            Browser admin = signedIn(client.getOrigin(), "admin", TestNodePoint.ADMIN_PASSWORD);
            admin.get("/forms/new");
            long formId = idIn(admin.postEncoded("/forms", body).location());
            node.wiring.forms.assign(node.admin(), formId, printers.id());
            TicketForm form = node.wiring.forms.find(node.admin(), formId);
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());

            Browser.Page page = reporter.post("/tickets", filing(printers, form, "", "", "", "", ""));

            assertThat(page.status()).isEqualTo(422);
            Document html = Jsoup.parse(page.body());
            assertThat(html.select("#title-error").text()).contains("title");
            assertThat(html.select("#description-error").text()).contains("description");
            assertThat(html.select("#answer1-error").text()).isEqualTo("Serial number: an answer is required.");
            assertThat(html.select("#answer2-error").text()).contains("I read the manual").contains("tick");
            assertThat(html.select("#answer3-error").text()).contains("Impact").contains("required");
            assertStoredNothing();
        });
    }

    @Test
    void default_form_serves_projects_without_form() {
        Product scanners = node.product("Scanners", "Public");
        TicketForm fallback = node.wiring.forms.create(node.admin(), new FormDraft("Fallback", "Summary", "Details", true,
                List.of(new FormDraft.Row("Office", "short_text", false))));
        TicketForm own = node.form("Scanner form", FieldType.NUMBER);
        node.wiring.forms.assign(node.admin(), own.id(), scanners.id());
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");

            Document printerPage = Jsoup.parse(reporter.get("/tickets/new?product=" + printers.id()).body());
            Document scannerPage = Jsoup.parse(reporter.get("/tickets/new?product=" + scanners.id()).body());

            assertThat(printerPage.select("input[name=formId]").attr("value")).isEqualTo(String.valueOf(fallback.id()));
            assertThat(printerPage.select("label[for=title]").text()).isEqualTo("Summary");
            assertThat(printerPage.select("label[for=answer1]").text()).isEqualTo("Office");
            assertThat(scannerPage.select("input[name=formId]").attr("value")).isEqualTo(String.valueOf(own.id()));
            Browser.Page created = reporter.post("/tickets", filing(printers, fallback, "Paper jam", "Tray 2 jams", "Room 12"));
            assertThat(answers(idIn(created.location()))).extracting(TicketAnswer::value).containsExactly("Room 12");
        });
    }

    @Test
    void plain_form_stays_without_any_form() {
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");

            Document page = Jsoup.parse(reporter.get("/tickets/new?product=" + printers.id()).body());

            assertThat(page.select("input[name=formId]")).isEmpty();
            assertThat(page.select("#priority")).hasSize(1);
            assertThat(page.select("label[for=title]").text()).isEqualTo("Title");
        });
    }

    @Test
    void form_changed_while_filling_stores_nothing() {
        TicketForm form = node.form("Printer form", FieldType.SHORT_TEXT);
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());
            node.wiring.forms.update(node.admin(), form.id(), form.version(), new FormDraft("Printer form", "Title", "Description", false,
                    List.of(new FormDraft.Row("Tray", "number", true))));

            Browser.Page page = reporter.post("/tickets", filing(printers, form, "Paper jam", "Tray 2 jams", "Tray 2"));

            assertThat(page.status()).isEqualTo(422);
            Document html = Jsoup.parse(page.body());
            assertThat(html.select(".alert-warning").text()).contains("changed while you filled it in");
            assertThat(html.select("label[for=answer1]").text()).startsWith("Tray");
            assertStoredNothing();
        });
    }

    @Test
    void hidden_project_form_stays_hidden() {
        Product restricted = node.product("Server room", "Restricted");
        TicketForm form = node.wiring.forms.create(node.admin(), new FormDraft("Secret form", "Secret title question", "Details", false,
                List.of(new FormDraft.Row("Secret question", "short_text", true))));
        node.wiring.forms.assign(node.admin(), form.id(), restricted.id());
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");

            Browser.Page shown = reporter.get("/tickets/new?product=" + restricted.id());
            Browser.Page posted = reporter.post("/tickets", filing(restricted, form, "Paper jam", "Tray 2 jams", "Secret answer"));

            assertThat(shown.body()).doesNotContain("Secret");
            assertThat(posted.status()).isEqualTo(422);
            assertThat(posted.body()).doesNotContain("Secret");
            assertThat(Jsoup.parse(posted.body()).select(".alert-danger").text()).contains("may see");
            assertStoredNothing();
        });
    }

    @Test
    void hostile_answers_are_escaped_and_stored_as_typed() {
        String script = "<script>alert(1)</script>";
        String image = "\"><img src=x onerror=alert(1)>\nsecond line";
        TicketForm form = node.wiring.forms.create(node.admin(), new FormDraft("Hostile", "Title", "Description", false,
                List.of(new FormDraft.Row(script, "short_text", false), new FormDraft.Row("Long", "long_text", false))));
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            Document page = Jsoup.parse(reporter.get("/tickets/new?product=" + printers.id()).body());
            assertThat(page.select("main script")).isEmpty();

            Browser.Page created = reporter.post("/tickets", filing(printers, form, "Paper jam", "Tray 2 jams", script, image));

            long id = idIn(created.location());
            assertThat(answers(id)).extracting(TicketAnswer::value).containsExactly(script, image);
            assertThat(answers(id)).extracting(TicketAnswer::question).containsExactly(script, "Long");
            Document ticketPage = Jsoup.parse(reporter.get("/tickets/" + id).body());
            assertThat(ticketPage.select("main script, main img")).isEmpty();
            assertThat(shownAnswers(ticketPage)).containsEntry(script, script).containsEntry("Long", image);
        });
    }

    @Test
    void edited_form_keeps_old_questions_on_tickets() {
        TicketForm form = node.wiring.forms.create(node.admin(), new FormDraft("Printer form", "Title", "Description", false,
                List.of(new FormDraft.Row("Which tray?", "short_text", false))));
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
        node.http((server, client) -> {
            Browser reporter = signedIn(client.getOrigin(), "reporter");
            reporter.get("/tickets/new?product=" + printers.id());
            long id = idIn(reporter.post("/tickets", filing(printers, form, "Paper jam", "Tray 2 jams", "Tray 2")).location());

            node.wiring.forms.update(node.admin(), form.id(), form.version(), new FormDraft("Printer form", "Title", "Description", false,
                    List.of(new FormDraft.Row("How many pages?", "number", false))));

            assertThat(shownAnswers(reporter.get("/tickets/" + id))).containsExactly(Map.entry("Which tray?", "Tray 2"));
        });
    }

    @Test
    void guest_files_through_form() {
        node.set(Settings.GUEST_TICKETS, "on");
        TicketForm form = node.form("Printer form", FieldType.SUBMITTER_ADDRESS, FieldType.SHORT_TEXT);
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
        node.http((server, client) -> {
            Browser guest = new Browser(client.getOrigin());
            guest.get("/tickets/new?product=" + printers.id());

            Browser.Page created = guest.post("/tickets", filing(printers, form, "Paper jam", "Tray 2 jams", "spoofed", "Tray 2"));

            assertThat(created.status()).isEqualTo(302);
            long id = node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT max(id) FROM tickets").mapTo(Long.class).one());
            assertThat(answers(id)).extracting(TicketAnswer::value).containsExactly("127.0.0.1", "Tray 2");
        });
    }

    /** Returns the fields that the new-ticket page posts for this form, with the answers in question order. */
    private static Map<String, String> filing(Product product, TicketForm form, String title, String description, String... answers) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("productId", String.valueOf(product.id()));
        fields.put("formId", String.valueOf(form.id()));
        fields.put("formVersion", String.valueOf(form.version()));
        fields.put("title", title);
        fields.put("description", description);
        for (int i = 0; i < answers.length; i++) {
            if (!answers[i].isEmpty()) {
                fields.put(AnswerSet.fieldName(i + 1), answers[i]);
            }
        }
        return fields;
    }

    private List<TicketAnswer> answers(long ticketId) {
        return node.wiring.formAnswers.list(node.admin(), ticketId);
    }

    private void assertStoredNothing() {
        long tickets = node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM tickets").mapTo(Long.class).one());
        long answers = node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM ticket_answers")
                .mapTo(Long.class).one());
        assertThat(tickets).as("tickets").isZero();
        assertThat(answers).as("answers").isZero();
    }

    private static Map<String, String> shownAnswers(Browser.Page page) {
        return shownAnswers(Jsoup.parse(page.body()));
    }

    /** Returns the answers of the ticket page by question, with line breaks as they are in the text. */
    private static Map<String, String> shownAnswers(Document page) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (Element term : page.select("dl.ticket-answers dt")) {
            Element value = term.nextElementSibling();
            shown.put(term.text(), value.wholeText().strip());
        }
        return shown;
    }

    private static long idIn(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static Browser signedIn(String origin, String name) {
        return signedIn(origin, name, TestNodePoint.PASSWORD);
    }

    private static Browser signedIn(String origin, String name, String password) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, password).status()).isEqualTo(302);
        browser.get("/");
        return browser;
    }
}
