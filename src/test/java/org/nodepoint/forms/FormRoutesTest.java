package org.nodepoint.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.NewTicket;
import org.nodepoint.users.Level;

/** Managing custom forms under the Tools menu: access, the editor, assignment to projects, default and delete. */
class FormRoutesTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product printers;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public"));
        printers = node.product("Printers", "Public");
        node.user("manager", Level.PROJECTS_MANAGEMENT);
        node.user("staff", Level.TICKETS_MANAGEMENT);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void below_custom_forms_level_gets_403() {
        long formId = node.form("Printer form", FieldType.SHORT_TEXT).id();
        node.http((server, client) -> {
            Browser staff = signedIn(client.getOrigin(), "staff");

            assertThat(staff.get("/forms").status()).isEqualTo(403);
            assertThat(staff.get("/forms/" + formId + "/edit").status()).isEqualTo(403);
            assertThat(staff.postEncoded("/forms", EditorForm.named("Sneaky").encoded()).status()).isEqualTo(403);
            assertThat(staff.postEncoded("/forms/" + formId + "/projects", "productId=" + printers.id()).status()).isEqualTo(403);
            assertThat(formNames()).containsExactly("Printer form");
            assertThat(node.wiring.forms.formFor(printers.id())).isEmpty();
        });
    }

    @Test
    void custom_forms_level_setting_opens_pages() {
        node.set(Settings.CUSTOM_FORMS_LEVEL, "3");
        node.http((server, client) -> {
            Browser staff = signedIn(client.getOrigin(), "staff");

            Browser.Page list = staff.get("/forms");

            assertThat(list.status()).isEqualTo(200);
            assertThat(Jsoup.parse(staff.get("/").body()).select(".dropdown-menu a[href=/forms]")).hasSize(1);
        });
    }

    @Test
    void tools_menu_links_forms_for_managers_only() {
        node.http((server, client) -> {
            Document forManager = Jsoup.parse(signedIn(client.getOrigin(), "manager").get("/").body());
            Document forStaff = Jsoup.parse(signedIn(client.getOrigin(), "staff").get("/").body());

            assertThat(forManager.select(".dropdown-menu a[href=/forms]")).hasSize(1);
            assertThat(forManager.select(".dropdown-menu a[href=/users]")).isEmpty();
            assertThat(forStaff.select("a[href=/forms]")).isEmpty();
        });
    }

    @Test
    void manager_creates_form_with_questions() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/forms/new");

            Browser.Page created = manager.postEncoded("/forms", EditorForm.named("Printer form")
                    .row("Which printer?", "short_text", true)
                    .row("", "short_text", false)
                    .row("Since when?", "date", false)
                    .encoded());

            assertThat(created.status()).isEqualTo(302);
            TicketForm form = node.wiring.forms.find(node.admin(), idIn(created.location()));
            assertThat(form.name()).isEqualTo("Printer form");
            assertThat(form.titleQuestion()).isEqualTo("What is broken?");
            assertThat(form.descriptionQuestion()).isEqualTo("Describe it");
            assertThat(form.fields()).containsExactly(
                    new FormField(1, "Which printer?", FieldType.SHORT_TEXT, true),
                    new FormField(2, "Since when?", FieldType.DATE, false));
            Document page = Jsoup.parse(manager.get(created.location()).body());
            assertThat(page.select("tbody td").eachText()).contains("Which printer?", "Since when?", "Date");
        });
    }

    @Test
    void editor_offers_only_available_types() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");

            Document editor = Jsoup.parse(manager.get("/forms/new").body());

            List<String> offered = editor.select("#type1 option").eachAttr("value");
            assertThat(offered).containsExactlyElementsOf(FieldType.offered().stream().map(FieldType::key).toList());
            assertThat(offered).contains("article", "own_tasks");
            assertThat(editor.select("input[name=question]")).hasSize(TicketForm.MAX_QUESTIONS);
        });
    }

    @Test
    void invalid_editor_input_names_each_field() {
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/forms/new");

            Browser.Page page = manager.postEncoded("/forms", EditorForm.of("", "", "Describe it")
                    .row("q".repeat(FormRules.MAX_QUESTION_LENGTH + 1), "short_text", false)
                    .row("Which task?", "own_tasks", false)
                    .row("How urgent?", "priority", false)
                    .row("How urgent, really?", "priority", false)
                    .row("Made up", "no_such_type", false)
                    .encoded());

            assertThat(page.status()).isEqualTo(422);
            Document html = Jsoup.parse(page.body());
            assertThat(html.select("#name-error").text()).contains("name").contains("100");
            assertThat(html.select("#titleQuestion-error").text()).contains("title").contains("200");
            assertThat(html.select("#question1-error").text()).contains("Question 1").contains("200");
            assertThat(html.select("#type2-error")).isEmpty();
            assertThat(html.select("#type3-error")).isEmpty();
            assertThat(html.select("#type4-error").text()).contains("Question 4").contains("only one priority");
            assertThat(html.select("#type5-error").text()).contains("Question 5");
            assertThat(html.select("#question2").attr("value")).isEqualTo("Which task?");
            assertThat(formNames()).isEmpty();
        });
    }

    @Test
    void hostile_question_is_escaped_and_stored_as_typed() {
        String hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/forms/new");

            Browser.Page created = manager.postEncoded("/forms", EditorForm.of(hostile, hostile, "Describe it").row(hostile, "short_text", false).encoded());

            TicketForm form = node.wiring.forms.find(node.admin(), idIn(created.location()));
            assertThat(form.name()).isEqualTo(hostile);
            assertThat(form.fields().get(0).question()).isEqualTo(hostile);
            for (String path : List.of(created.location(), created.location() + "/edit", "/forms")) {
                Document page = Jsoup.parse(manager.get(path).body());
                assertThat(page.select("main script, main img")).as(path).isEmpty();
            }
            assertThat(Jsoup.parse(manager.get(created.location()).body()).select("h1").text()).startsWith(hostile);
        });
    }

    @Test
    void edit_replaces_questions() {
        TicketForm form = node.form("Printer form", FieldType.SHORT_TEXT, FieldType.NUMBER);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/forms/" + form.id() + "/edit");

            Browser.Page saved = manager.postEncoded("/forms/" + form.id(), EditorForm.named("Printer form v2")
                    .with("version", String.valueOf(form.version())).row(FieldType.EMAIL).encoded());

            assertThat(saved.status()).isEqualTo(302);
            TicketForm edited = node.wiring.forms.find(node.admin(), form.id());
            assertThat(edited.name()).isEqualTo("Printer form v2");
            assertThat(edited.fields()).extracting(FormField::type).containsExactly(FieldType.EMAIL);
            assertThat(edited.version()).isEqualTo(form.version() + 1);
        });
    }

    @Test
    void stale_edit_is_rejected() {
        TicketForm form = node.form("Printer form", FieldType.SHORT_TEXT);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/forms/" + form.id() + "/edit");
            node.wiring.forms.update(node.admin(), form.id(), form.version(), new FormDraft("Changed meanwhile", "Title", "Description",
                    false, List.of()));

            Browser.Page page = manager.postEncoded("/forms/" + form.id(), EditorForm.named("My edit")
                    .with("version", String.valueOf(form.version())).row(FieldType.EMAIL).encoded());

            assertThat(page.status()).isEqualTo(422);
            assertThat(Jsoup.parse(page.body()).select(".alert-warning").text()).contains("changed this form");
            assertThat(node.wiring.forms.find(node.admin(), form.id()).name()).isEqualTo("Changed meanwhile");
        });
    }

    @Test
    void assigning_detaches_previous_form() {
        TicketForm first = node.form("First form", FieldType.SHORT_TEXT);
        TicketForm second = node.form("Second form", FieldType.NUMBER);
        node.wiring.forms.assign(node.admin(), first.id(), printers.id());
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/forms/" + second.id());

            Browser.Page assigned = manager.postEncoded("/forms/" + second.id() + "/projects", "productId=" + printers.id());

            assertThat(assigned.status()).isEqualTo(302);
            assertThat(node.wiring.forms.formFor(printers.id())).map(TicketForm::id).contains(second.id());
            assertThat(node.wiring.forms.projectsOf(node.admin(), first.id()).visible()).isEmpty();
            assertThat(node.wiring.forms.projectsOf(node.admin(), second.id()).visible()).extracting(Product::id).containsExactly(printers.id());
            Document secondPage = Jsoup.parse(manager.get(assigned.location()).body());
            assertThat(secondPage.select(".alert-success").text()).contains("Printers").contains("instead of");
            assertThat(secondPage.select(".list-group-item a").eachText()).containsExactly("Printers");
            Document firstPage = Jsoup.parse(manager.get("/forms/" + first.id()).body());
            assertThat(firstPage.select(".list-group-item")).isEmpty();
        });
    }

    @Test
    void one_form_serves_many_projects() {
        Product scanners = node.product("Scanners", "Public");
        TicketForm form = node.form("Office form", FieldType.SHORT_TEXT);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/forms/" + form.id());

            manager.postEncoded("/forms/" + form.id() + "/projects", "productId=" + printers.id());
            manager.postEncoded("/forms/" + form.id() + "/projects", "productId=" + scanners.id());

            assertThat(node.wiring.forms.formFor(printers.id())).map(TicketForm::id).contains(form.id());
            assertThat(node.wiring.forms.formFor(scanners.id())).map(TicketForm::id).contains(form.id());
        });
    }

    @Test
    void removing_project_restores_default_form() {
        TicketForm fallback = node.wiring.forms.create(node.admin(), new FormDraft("Fallback", "Title", "Description", true, List.of()));
        TicketForm form = node.form("Printer form", FieldType.SHORT_TEXT);
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/forms/" + form.id());

            Browser.Page removed = manager.postEncoded("/forms/" + form.id() + "/projects/remove", "productId=" + printers.id());

            assertThat(removed.status()).isEqualTo(302);
            assertThat(node.wiring.forms.formFor(printers.id())).map(TicketForm::id).contains(fallback.id());
        });
    }

    @Test
    void removing_unassigned_project_names_field() {
        TicketForm form = node.form("Printer form", FieldType.SHORT_TEXT);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/forms/" + form.id());

            Browser.Page page = manager.postEncoded("/forms/" + form.id() + "/projects/remove", "productId=" + printers.id());

            assertThat(page.status()).isEqualTo(422);
            assertThat(Jsoup.parse(page.body()).select("#remove-error").text()).contains("does not use this form");
        });
    }

    @Test
    void marking_default_clears_previous_default() {
        TicketForm first = node.form("First form", FieldType.SHORT_TEXT);
        TicketForm second = node.form("Second form", FieldType.NUMBER);
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/forms/" + first.id() + "/edit");

            manager.postEncoded("/forms/" + first.id(), EditorForm.named("First form").with("version", "0").asDefault().encoded());
            assertThat(node.wiring.forms.formFor(printers.id())).map(TicketForm::id).contains(first.id());
            manager.postEncoded("/forms/" + second.id(), EditorForm.named("Second form").with("version", "0").asDefault().encoded());

            assertThat(node.wiring.forms.find(node.admin(), first.id()).isDefault()).isFalse();
            assertThat(node.wiring.forms.find(node.admin(), second.id()).isDefault()).isTrue();
            assertThat(node.wiring.forms.formFor(printers.id())).map(TicketForm::id).contains(second.id());
            Document list = Jsoup.parse(manager.get("/forms").body());
            assertThat(list.select("tbody tr:has(.badge)").text()).contains("Second form").doesNotContain("First form");
        });
    }

    @Test
    void form_in_use_is_not_deleted() {
        TicketForm form = node.form("Printer form", FieldType.SHORT_TEXT);
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/forms/" + form.id());

            Browser.Page page = manager.postEncoded("/forms/" + form.id() + "/delete", "");

            assertThat(page.status()).isEqualTo(422);
            assertThat(Jsoup.parse(page.body()).select("#delete-error").text()).contains("cannot be deleted");
            assertThat(formNames()).containsExactly("Printer form");
        });
    }

    @Test
    void unused_form_is_deleted_and_old_answers_stay() {
        TicketForm form = node.form("Printer form", FieldType.SHORT_TEXT);
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
        long ticket = node.wiring.formFiling.file(node.admin(), new NewTicket(printers.id(), "", "Jam", "Paper jam", ""),
                new AnswerSet(form.id(), form.version(), Map.of(1, "Tray 2")), "127.0.0.1", Origin.WEB);
        node.wiring.forms.unassign(node.admin(), form.id(), printers.id());
        node.http((server, client) -> {
            Browser manager = signedIn(client.getOrigin(), "manager");
            manager.get("/forms/" + form.id());

            Browser.Page deleted = manager.postEncoded("/forms/" + form.id() + "/delete", "");

            assertThat(deleted.status()).isEqualTo(302);
            assertThat(formNames()).isEmpty();
            assertThat(manager.get("/forms/" + form.id()).status()).isEqualTo(404);
            assertThat(node.wiring.formAnswers.list(node.admin(), ticket)).extracting(TicketAnswer::value).containsExactly("Tray 2");
        });
    }

    @Test
    void project_hidden_from_manager_cannot_be_assigned() {
        node.set(Settings.CUSTOM_FORMS_LEVEL, "1");
        node.user("designer", Level.AUTHORIZED);
        Product restricted = node.product("Server room", "Restricted");
        TicketForm form = node.form("Printer form", FieldType.SHORT_TEXT);
        node.http((server, client) -> {
            Browser designer = signedIn(client.getOrigin(), "designer");
            Document formPage = Jsoup.parse(designer.get("/forms/" + form.id()).body());

            Browser.Page page = designer.postEncoded("/forms/" + form.id() + "/projects", "productId=" + restricted.id());

            assertThat(formPage.select("#productId option").eachText()).containsExactly("Printers");
            assertThat(page.status()).isEqualTo(422);
            assertThat(Jsoup.parse(page.body()).select("#productId-error").text()).contains("you may see");
            assertThat(node.wiring.forms.formFor(restricted.id())).isEmpty();
        });
    }

    @Test
    void project_page_names_its_form_for_managers() {
        TicketForm form = node.form("Printer form", FieldType.SHORT_TEXT);
        node.wiring.forms.assign(node.admin(), form.id(), printers.id());
        node.http((server, client) -> {
            Document forManager = Jsoup.parse(signedIn(client.getOrigin(), "manager").get("/projects/" + printers.id()).body());
            Document forStaff = Jsoup.parse(signedIn(client.getOrigin(), "staff").get("/projects/" + printers.id()).body());

            assertThat(forManager.select("a[href=/forms/" + form.id() + "]").text()).isEqualTo("Printer form");
            assertThat(forStaff.text()).doesNotContain("Printer form");
        });
    }

    private List<String> formNames() {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT name FROM ticket_forms ORDER BY id")
                .mapTo(String.class).list());
    }

    private static long idIn(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        browser.get("/");
        return browser;
    }
}
