package org.nodepoint.attack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nodepoint.users.Level;

/**
 * Every place where a request carries user input, with a benign value for each field so that the
 * other fields of a request stay valid while one of them is attacked. Values may use the
 * placeholders of {@link AttackFixture#fill}.
 */
final class AttackSurface {
    /**
     * Where the attacked value goes: the form body, the query string, a path segment, or the file
     * name of a multipart form's file part.
     */
    enum Part { BODY, QUERY, PATH, FILE }

    /**
     * One request shape, sent by each of {@code actors} (levels, {@link Level#GUEST} for no session).
     * For a PATH target the field names, such as {id}, appear in the path itself.
     *
     * @param writes     the tables that a successful request may add rows to
     * @param spoilers   fields that make the form invalid when left empty, so that the form is shown
     *                   again with the attacked value in it
     * @param objectPages the pages that show every value the target stores, such as a ticket with its
     *                   history and comments. They are checked once per batch of inputs. A target
     *                   without them has the redirect after each successful request followed instead.
     * @param fileFields the fields of a FILE target that go as file parts, with the value as the file
     *                   name and a small PNG image as the content. Only they are attacked: the text
     *                   fields of the same form are attacked through its BODY target.
     */
    record Target(String method, String path, Part part, Map<String, String> fields, List<Integer> actors, Set<String> writes,
            List<String> spoilers, List<String> objectPages, Set<String> fileFields) {
        String route() {
            return method + " " + path;
        }

        /** Returns the field to leave empty while {@code attacked} is under attack, if the form has one. */
        Optional<String> spoilerFor(String attacked) {
            return spoilers.stream().filter(name -> !name.equals(attacked)).findFirst();
        }
    }

    /** One field of a target under attack. */
    record Field(Target target, String name) {
        @Override
        public String toString() {
            return "field " + name + " of " + target.route();
        }
    }

    private AttackSurface() {
    }

    /** The forms that change data, except sign-in and first-run setup, which have their own tests. */
    static final List<Target> FORMS = List.of(
            form("/register", Level.GUEST, Set.of("users"), List.of("name", "password2"), null,
                    "name", "$unique", "email", "", "password", "$password", "password2", "$password"),
            form("/projects/$targetProduct", Level.PROJECTS_MANAGEMENT, Set.of(), List.of("name", "visibility"), null,
                    "name", "$unique", "model", "M-2", "visibility", "Public", "description", "Target description", "firstRelease", ""),
            form("/projects/$targetProduct/releases", Level.TICKETS_MANAGEMENT, Set.of("releases"), List.of("version"),
                    "/projects/$targetProduct",
                    "version", "$unique", "notes", "Benign notes"),
            // An empty _submission token stores every request, so that each benign request stores its record.
            form("/tickets", Level.AUTHORIZED, Set.of("tickets"), List.of("title", "description"), null,
                    "productId", "$product", "release", "1.0", "priority", "Normal", "title", "Benign title",
                    "description", "Benign description", "_submission", ""),
            // A number in the notify field may name a user who may read the ticket, which flags it for them.
            form("/tickets/$targetTicket", Level.TICKETS_MANAGEMENT, Set.of("ticket_changes", "ticket_change_fields", "ticket_attention", "time_entries"),
                    List.of("title", "description"), "/tickets/$targetTicket",
                    "version", "$version", "status", "Open", "priority", "Normal", "release", "1.0", "resolution", "Fixed",
                    "title", "Target ticket", "description", "Target description", "note", "", "notify", "", "time", "0.5",
                    "_submission", ""),
            form("/tickets/$targetTicket/assignees", Level.TICKETS_MANAGEMENT,
                    Set.of("ticket_assignees", "ticket_changes", "ticket_change_fields"), List.of(), "/tickets/$targetTicket",
                    "userId", "$managerId"),
            // Each batch has a new target ticket without assignees, so a removal finds nobody to remove.
            form("/tickets/$targetTicket/assignees/remove", Level.TICKETS_MANAGEMENT, Set.of(), List.of(), "/tickets/$targetTicket",
                    "userId", "$managerId"),
            form("/projects/$targetProduct/auto-assign", Level.TICKETS_MANAGEMENT, Set.of("product_auto_assignees"), List.of(),
                    "/projects/$targetProduct", "userId", ""),
            // Each batch has a new target product with an empty list, so a removal finds nobody to remove.
            form("/projects/$targetProduct/auto-assign/remove", Level.TICKETS_MANAGEMENT, Set.of(), List.of(), "/projects/$targetProduct",
                    "userId", "$managerId"),
            form("/tickets/$ticket/comments", Level.AUTHORIZED, Set.of("comments"), List.of(), "/tickets/$ticket",
                    "comment", "Benign comment", "_submission", ""),
            // Filing through a custom form whose questions take typed text: short and long text, number,
            // e-mail, date, phone, user, assignee and satisfaction, in that order.
            form("/tickets", Level.AUTHORIZED, Set.of("tickets", "ticket_answers", "ticket_assignees"), List.of("title", "description"), null,
                    "productId", "$formProduct", "formId", "$form", "formVersion", "$formVersion", "title", "Benign title",
                    "description", "Benign description", "answer1", "Benign short answer", "answer2", "Benign long answer",
                    "answer3", "42", "answer4", "reporter@example.com", "answer5", "2025-03-31", "answer6", "+1 555 0100",
                    "answer7", "$user", "answer8", "$manager", "answer9", "Moderately", "_submission", ""),
            // Filing through a form that asks for a client: a number may name any open client, which the ticket is billed to.
            form("/tickets", Level.AUTHORIZED, Set.of("tickets", "ticket_answers", "ticket_billing"), List.of("title", "description"), null,
                    "productId", "$clientFormProduct", "formId", "$clientForm", "formVersion", "$clientFormVersion", "title", "Benign title",
                    "description", "Benign description", "answer1", "$targetClient", "_submission", ""),
            form("/lost-password", Level.GUEST, Set.of(), List.of(), null, "name", "$user"),
            form("/reset-password", Level.GUEST, Set.of(), List.of("password2"), null,
                    "token", "benign-reset-code", "password", "Benign-pass-4821", "password2", "Benign-pass-4821"),
            form("/confirm-email", Level.UNAUTHORIZED, Set.of(), List.of(), null, "token", "benign-confirmation-code"),
            // The fixture's SMTP port has no server, so a valid address gets a refused connection and sends nothing.
            form("/admin/settings/test-mail", Level.ADMIN, Set.of(), List.of(), null, "address", "helpdesk@example.com"),
            form("/users", Level.USERS_MANAGEMENT, Set.of("users"), List.of("name", "password2"), null,
                    "name", "$unique", "email", "", "level", "1", "password", "Benign-pass-4821", "password2", "Benign-pass-4821"),
            form("/forms/$targetForm", Level.PROJECTS_MANAGEMENT, Set.of(), List.of("name", "titleQuestion"), "/forms/$targetForm",
                    "version", "$targetFormVersion", "name", "Benign form", "titleQuestion", "Benign title question",
                    "descriptionQuestion", "Benign description question", "isDefault", "", "question", "Benign question",
                    "type", "short_text", "required", "no"),
            form("/forms", Level.PROJECTS_MANAGEMENT, Set.of("ticket_forms"), List.of("name", "titleQuestion"), null,
                    "name", "Benign form", "titleQuestion", "Benign title question", "descriptionQuestion", "Benign description question",
                    "isDefault", "", "question", "Benign question", "type", "short_text", "required", "no"),
            form("/forms/$targetForm/projects", Level.PROJECTS_MANAGEMENT, Set.of("product_forms"), List.of(), null,
                    "productId", "$targetProduct"),
            form("/forms/$targetForm/projects/remove", Level.PROJECTS_MANAGEMENT, Set.of(), List.of(), null,
                    "productId", "$targetProduct"),
            // Tasks. Every task and every project with completion log lines has an id beyond the corpus numbers.
            form("/projects/$taskProduct/tasks", Level.PROJECTS_MANAGEMENT, Set.of("tasks", "task_log"), List.of("description"),
                    "/projects/$taskProduct",
                    "description", "Benign task", "assigneeId", "$memberId", "due", "2030-12-31", "_submission", ""),
            form("/tasks/$ownTask/completion", Level.AUTHORIZED, Set.of("task_log"), List.of(), "/",
                    "completion", "50", "back", "home"),
            // Inventory. Each batch has a new available target item and a new item that $user asked for.
            form("/items", Level.PROJECTS_MANAGEMENT, Set.of("items", "item_history"), List.of("name"), null,
                    "name", "Benign item", "type", "Laptop", "serial", "$unique", "productId", "$product", "clientId", "",
                    "needsApproval", "yes", "info", "Benign info", "_submission", ""),
            form("/items/$targetItem", Level.PROJECTS_MANAGEMENT, Set.of("item_history"), List.of("name"), "/items/$targetItem",
                    "version", "$itemVersion", "name", "Target item", "type", "Laptop", "serial", "", "productId", "",
                    "clientId", "", "needsApproval", "", "info", "Target info"),
            form("/items/$targetItem/assign", Level.PROJECTS_MANAGEMENT, Set.of("item_history"), List.of(), "/items/$targetItem",
                    "user", "$user"),
            form("/items/$targetItem/expiry", Level.PROJECTS_MANAGEMENT, Set.of("item_history"), List.of(), "/items/$targetItem",
                    "expiresOn", "2030-01-31"),
            // The held item is never deleted: a held item must be returned first.
            form("/items/$heldItem/delete", Level.PROJECTS_MANAGEMENT, Set.of(), List.of(), "/items/$heldItem", "confirm", "yes"),
            form("/items/$waitingItem/approve", Level.PROJECTS_MANAGEMENT, Set.of("item_history"), List.of(), null, "back", "approvals"),
            form("/items/$waitingItem/deny", Level.PROJECTS_MANAGEMENT, Set.of("item_history"), List.of(), null, "back", "approvals"),
            form("/items/$targetItem/checkout", Level.AUTHORIZED, Set.of("item_history"), List.of(), null, "back", "home"),
            form("/items/$waitingItem/withdraw", Level.UNAUTHORIZED, Set.of(), List.of(), null, "back", "home"),
            form("/items/$targetItem/return", Level.UNAUTHORIZED, Set.of(), List.of(), null, "back", "home"),
            // Clients and billing. The delete form's benign confirmation is not the one that deletes, so that
            // no batch loses its target client.
            form("/clients", Level.USERS_MANAGEMENT, Set.of("clients"), List.of("name"), null,
                    "name", "$unique", "status", "Prospect", "contact", "Benign contact", "notes", "Benign notes"),
            form("/clients/$targetClient", Level.USERS_MANAGEMENT, Set.of(), List.of("name"), "/clients/$targetClient",
                    "version", "$clientVersion", "name", "$unique", "status", "Contact", "contact", "Benign contact", "notes", "Benign notes"),
            form("/clients/$targetClient/delete", Level.USERS_MANAGEMENT, Set.of(), List.of(), null, "confirm", "no"),
            form("/clients/$targetClient/billing", Level.USERS_MANAGEMENT, Set.of("client_billing"), List.of("rate"), "/clients/$targetClient",
                    "type", "hourly", "rate", "12.50", "currency", "EUR"),
            form("/clients/$targetClient/events", Level.RESTRICTED_VIEW, Set.of("client_events"), List.of("summary"), "/clients/$targetClient",
                    "type", "phone", "summary", "Benign summary", "notes", "Benign notes"),
            form("/clients/$targetClient/events/$targetEvent", Level.RESTRICTED_VIEW, Set.of(), List.of("summary"), "/clients/$targetClient",
                    "version", "$eventVersion", "type", "email", "summary", "Benign summary", "notes", "Benign notes"),
            // A number may name any client, which bills the target ticket to it: ticket_billing may gain its row.
            form("/tickets/$targetTicket/billing", Level.TICKETS_MANAGEMENT, Set.of("ticket_billing"), List.of(), "/tickets/$targetTicket",
                    "clientId", "$targetClient"),
            // Shoutbox and files. The delete form's benign confirmation is not the one that deletes.
            form("/shoutbox", Level.AUTHORIZED, Set.of("shouts"), List.of("message"), "/", "message", "Benign message"),
            form("/files/$targetFile/delete", Level.USERS_MANAGEMENT, Set.of(), List.of(), null, "confirm", "no"),
            // Support articles. The delete form's benign confirmation is not the one that deletes.
            form("/articles", Level.PROJECTS_MANAGEMENT, Set.of("articles"), List.of("title"), null,
                    "title", "Benign article", "product", ""),
            form("/articles/$targetArticle", Level.PROJECTS_MANAGEMENT, Set.of(), List.of("title"), "/articles/$targetArticle",
                    "version", "$articleVersion", "title", "Target article", "product", "", "body", "Benign *body*", "published", "on"),
            form("/articles/$targetArticle/delete", Level.PROJECTS_MANAGEMENT, Set.of(), List.of(), null, "confirm", "no"),
            form("/tickets/$targetTicket/articles", Level.TICKETS_MANAGEMENT, Set.of("article_tickets"), List.of(), "/tickets/$targetTicket",
                    "articleId", "$article"),
            // Last, because each product it creates lengthens the product list of the new ticket form.
            form("/projects", Level.PROJECTS_MANAGEMENT, Set.of("products", "releases"), List.of("name", "visibility"), null,
                    "name", "$unique", "model", "M-1", "visibility", "Public", "description", "Benign description",
                    "firstRelease", "1.0"));

    /** The file inputs of forms, whose file names are attacked. */
    static final List<Target> FILES = List.of(
            fileForm("/tickets/$ticket/comments", Level.AUTHORIZED, Set.of("comments", "attachments"), List.of("comment"),
                    "/tickets/$ticket", Set.of("attachments"), "comment", "Benign comment", "attachments", "benign.png"),
            fileForm("/projects/$targetProduct/image", Level.PROJECTS_MANAGEMENT, Set.of("product_images"), List.of(), null,
                    Set.of("image"), "image", "benign.png"),
            // Filing through a custom form whose one question takes a file.
            fileForm("/tickets", Level.AUTHORIZED, Set.of("tickets", "ticket_answers", "attachments"), List.of("title", "description"),
                    null, Set.of("answer1"), "productId", "$fileFormProduct", "formId", "$fileForm", "formVersion", "$fileFormVersion",
                    "title", "Benign title", "description", "Benign description", "answer1", "benign.png", "_submission", ""),
            fileForm("/files", Level.AUTHORIZED, Set.of("shared_files"), List.of(), null, Set.of("file"), "file", "benign.png"));

    static final Target LOGIN = form("/login", Level.GUEST, Set.of(), List.of(), null,
            "name", "$user", "password", "$password", "next", "/tickets");

    static final Target SETUP = new Target("POST", "/setup", Part.BODY,
            fields("setupCode", "$setupCode", "adminName", "admin", "password", "$adminPassword", "password2", "$adminPassword",
                    "siteName", "Help desk", "ticketVisibility", "Public", "allowRegistrations", "on", "guestTickets", "on"),
            List.of(Level.GUEST), Set.of("users"), List.of("setupCode", "password2"), List.of(), Set.of());

    /** Query parameters of pages. */
    static final List<Target> QUERIES = List.of(
            query("/search", Level.GUEST, "q", "printer", "page", "1"),
            query("/tickets", Level.GUEST, "product", "$product", "status", "Open", "priority", "Normal", "sort", "oldest", "page", "1"),
            query("/tickets/new", Level.AUTHORIZED, "product", "$product"),
            query("/following", Level.UNAUTHORIZED, "page", "1"),
            query("/login", Level.GUEST, "next", "/tickets"),
            query("/reset-password", Level.GUEST, "token", "benign-reset-code"),
            query("/confirm-email", Level.GUEST, "token", "benign-confirmation-code"),
            query("/admin/log", Level.ADMIN, "text", "printer", "category", "sign_in", "page", "1"),
            query("/stats", Level.RESTRICTED_VIEW, "month", "2026-12", "user", "$user"),
            query("/forms", Level.PROJECTS_MANAGEMENT, "page", "1"),
            query("/items", Level.UNAUTHORIZED, "status", "available", "type", "Laptop", "q", "Target", "page", "1"),
            query("/items/approvals", Level.PROJECTS_MANAGEMENT, "page", "1"),
            query("/clients", Level.UNAUTHORIZED, "status", "Paid", "page", "1"),
            query("/clients/$targetClient", Level.RESTRICTED_VIEW, "page", "1"),
            query("/files", Level.AUTHORIZED, "page", "1"),
            query("/files/log", Level.USERS_MANAGEMENT, "page", "1"),
            query("/reports/2", Level.RESTRICTED_VIEW, "page", "1"),
            query("/reports/14", Level.RESTRICTED_VIEW, "page", "1"),
            query("/articles", Level.GUEST, "product", "$product", "page", "1"));

    /** Path parameters. A request other than GET carries an empty form, so that only the path is under test. */
    static final List<Target> PATHS = List.of(
            pathParameter("GET", "/tickets/{id}", Level.GUEST, "$ticket"),
            pathParameter("GET", "/projects/{id}", Level.GUEST, "$product"),
            pathParameter("GET", "/reports/{n}", Level.RESTRICTED_VIEW, "3"),
            pathParameter("GET", "/reports/{n}.csv", Level.RESTRICTED_VIEW, "3"),
            pathParameter("GET", "/projects/{id}/edit", Level.PROJECTS_MANAGEMENT, "$product"),
            pathParameter("POST", "/projects/{id}", Level.PROJECTS_MANAGEMENT, "$product"),
            pathParameter("POST", "/projects/{id}/releases", Level.TICKETS_MANAGEMENT, "$product"),
            pathParameter("POST", "/tickets/{id}", Level.TICKETS_MANAGEMENT, "$ticket"),
            pathParameter("POST", "/tickets/{id}/comments", Level.AUTHORIZED, "$ticket"),
            pathParameter("GET", "/forms/{id}", Level.PROJECTS_MANAGEMENT, "$targetForm"),
            pathParameter("GET", "/forms/{id}/edit", Level.PROJECTS_MANAGEMENT, "$targetForm"),
            pathParameter("POST", "/forms/{id}", Level.PROJECTS_MANAGEMENT, "$targetForm"),
            pathParameter("POST", "/forms/{id}/delete", Level.PROJECTS_MANAGEMENT, "$targetForm"),
            pathParameter("POST", "/forms/{id}/projects", Level.PROJECTS_MANAGEMENT, "$targetForm"),
            pathParameter("POST", "/forms/{id}/projects/remove", Level.PROJECTS_MANAGEMENT, "$targetForm"),
            // Unfollow comes before follow, so that it finds no follower to remove: removed rows count as damage.
            pathParameter("POST", "/tickets/{id}/unfollow", Level.UNAUTHORIZED, "$ticket"),
            pathParameter("POST", "/tickets/{id}/follow", Level.UNAUTHORIZED, "$ticket", "ticket_followers"),
            pathParameter("POST", "/tickets/{id}/assignees", Level.TICKETS_MANAGEMENT, "$ticket"),
            pathParameter("POST", "/tickets/{id}/assignees/remove", Level.TICKETS_MANAGEMENT, "$ticket"),
            pathParameter("POST", "/tickets/{id}/attention/clear", Level.UNAUTHORIZED, "$ticket"),
            // An empty form adds the actor to the product's list.
            pathParameter("POST", "/projects/{id}/auto-assign", Level.TICKETS_MANAGEMENT, "$product", "product_auto_assignees"),
            pathParameter("POST", "/projects/{id}/auto-assign/remove", Level.TICKETS_MANAGEMENT, "$product"),
            pathParameter("GET", "/attachments/{id}", Level.GUEST, "$attachment"),
            pathParameter("GET", "/projects/{id}/image", Level.GUEST, "$product"),
            pathParameter("POST", "/projects/{id}/image", Level.PROJECTS_MANAGEMENT, "$product"),
            pathParameter("POST", "/projects/{id}/image/delete", Level.PROJECTS_MANAGEMENT, "$targetProduct"),
            pathParameter("GET", "/items/{id}", Level.UNAUTHORIZED, "$targetItem"),
            pathParameter("GET", "/items/{id}/edit", Level.PROJECTS_MANAGEMENT, "$targetItem"),
            pathParameter("POST", "/items/{id}", Level.PROJECTS_MANAGEMENT, "$targetItem"),
            pathParameter("POST", "/items/{id}/delete", Level.PROJECTS_MANAGEMENT, "$targetItem"),
            // A number in the corpus may name one of the fixture's items, so every action may write history.
            pathParameter("POST", "/items/{id}/checkout", Level.AUTHORIZED, "$targetItem", "item_history"),
            pathParameter("POST", "/items/{id}/withdraw", Level.UNAUTHORIZED, "$targetItem", "item_history"),
            pathParameter("POST", "/items/{id}/return", Level.UNAUTHORIZED, "$targetItem", "item_history"),
            pathParameter("POST", "/items/{id}/approve", Level.PROJECTS_MANAGEMENT, "$waitingItem", "item_history"),
            pathParameter("POST", "/items/{id}/deny", Level.PROJECTS_MANAGEMENT, "$waitingItem", "item_history"),
            pathParameter("POST", "/items/{id}/assign", Level.PROJECTS_MANAGEMENT, "$targetItem"),
            pathParameter("POST", "/items/{id}/unavailable", Level.PROJECTS_MANAGEMENT, "$targetItem", "item_history"),
            pathParameter("POST", "/items/{id}/available", Level.PROJECTS_MANAGEMENT, "$targetItem", "item_history"),
            pathParameter("POST", "/items/{id}/expiry", Level.PROJECTS_MANAGEMENT, "$targetItem", "item_history"),
            pathParameter("GET", "/clients/{id}", Level.RESTRICTED_VIEW, "$emptyClient"),
            pathParameter("GET", "/clients/{id}/edit", Level.USERS_MANAGEMENT, "$emptyClient"),
            pathParameter("POST", "/clients/{id}", Level.USERS_MANAGEMENT, "$emptyClient"),
            pathParameter("GET", "/clients/{id}/delete", Level.USERS_MANAGEMENT, "$emptyClient"),
            // Without the confirmation field nothing is deleted.
            pathParameter("POST", "/clients/{id}/delete", Level.USERS_MANAGEMENT, "$emptyClient"),
            pathParameter("POST", "/clients/{id}/billing", Level.USERS_MANAGEMENT, "$emptyClient"),
            pathParameter("POST", "/clients/{id}/events", Level.RESTRICTED_VIEW, "$emptyClient"),
            // The client has no events, so no event id reaches one to change or delete.
            pathParameter("GET", "/clients/$emptyClient/events/{eventId}", Level.RESTRICTED_VIEW, "$targetEvent"),
            pathParameter("POST", "/clients/$emptyClient/events/{eventId}", Level.RESTRICTED_VIEW, "$targetEvent"),
            pathParameter("POST", "/clients/$emptyClient/events/{eventId}/delete", Level.RESTRICTED_VIEW, "$targetEvent"),
            // An empty form bills the ticket to no client. The one billed ticket, the untouched one, has an id beyond the corpus numbers.
            pathParameter("POST", "/tickets/{id}/billing", Level.TICKETS_MANAGEMENT, "$ticket"),
            // A number in the corpus may name a message or a file of the fixture. Deleting a message and replacing a link
            // change rows without adding any. A file deletion needs the confirmation field, which an empty form lacks.
            pathParameter("POST", "/shoutbox/{id}/delete", Level.USERS_MANAGEMENT, "$shout"),
            pathParameter("GET", "/files/d/{token}", Level.GUEST, "$fileToken", "file_downloads"),
            pathParameter("GET", "/files/{id}/download", Level.AUTHORIZED, "$sharedFile", "file_downloads"),
            pathParameter("POST", "/files/{id}/link", Level.USERS_MANAGEMENT, "$sharedFile"),
            pathParameter("GET", "/files/{id}/delete", Level.USERS_MANAGEMENT, "$sharedFile"),
            pathParameter("POST", "/files/{id}/delete", Level.USERS_MANAGEMENT, "$sharedFile"),
            // An empty form adds no task and sets no completion. The delete path removes its benign task while the
            // runner learns the pages. No corpus number names a task or a project with completion log lines.
            pathParameter("POST", "/projects/{id}/tasks", Level.PROJECTS_MANAGEMENT, "$taskProduct"),
            pathParameter("POST", "/projects/{id}/tasks/log/clear", Level.PROJECTS_MANAGEMENT, "$product"),
            pathParameter("POST", "/tasks/{id}/completion", Level.AUTHORIZED, "$ownTask"),
            pathParameter("POST", "/tasks/{id}/delete", Level.PROJECTS_MANAGEMENT, "$deletableTask"),
            pathParameter("GET", "/articles/{id}", Level.GUEST, "$article"),
            pathParameter("GET", "/articles/{id}/edit", Level.PROJECTS_MANAGEMENT, "$targetArticle"),
            pathParameter("POST", "/articles/{id}", Level.PROJECTS_MANAGEMENT, "$targetArticle"),
            pathParameter("POST", "/articles/{id}/publish", Level.PROJECTS_MANAGEMENT, "$targetArticle"),
            pathParameter("POST", "/articles/{id}/unpublish", Level.PROJECTS_MANAGEMENT, "$targetArticle"),
            // Without the confirmation field nothing is deleted.
            pathParameter("POST", "/articles/{id}/delete", Level.PROJECTS_MANAGEMENT, "$targetArticle"),
            // Unfavourite comes before favourite, so that it finds no favourite to remove: removed rows count as damage.
            pathParameter("POST", "/articles/{id}/unfavourite", Level.UNAUTHORIZED, "$article"),
            pathParameter("POST", "/articles/{id}/favourite", Level.UNAUTHORIZED, "$article", "article_favourites"),
            // An empty form links nothing. Only the target tickets get links, and never to the spare draft, so no unlink finds a row.
            pathParameter("POST", "/tickets/{id}/articles", Level.TICKETS_MANAGEMENT, "$ticket"),
            pathParameter("POST", "/tickets/{id}/articles/$spareArticle/delete", Level.PROJECTS_MANAGEMENT, "$ticket"),
            pathParameter("POST", "/tickets/$ticket/articles/{articleId}/delete", Level.PROJECTS_MANAGEMENT, "$article"),
            assetPath("/static/{path}", "css/nodepoint.css"),
            assetPath("/webjars/{path}", "$bootstrapPath/css/bootstrap.min.css"));

    /**
     * The legacy API calls with every parameter that they read, sent without a session. Read calls
     * go by GET to /nodepoint/ and write calls by form POST to /, the two ways 1.x clients call.
     * What a write call stores is read back through the API and on the web page that shows it.
     */
    static final List<Target> API_CALLS = List.of(
            apiCall("GET", Set.of(), List.of(), "api", "list_products", "key", "$read"),
            apiCall("GET", Set.of(), List.of(), "api", "list_tickets", "key", "$read", "product_id", "$product"),
            apiCall("GET", Set.of(), List.of(), "api", "show_ticket", "key", "$read", "id", "$ticket"),
            apiCall("GET", Set.of(), List.of(), "api", "show_time", "key", "$read", "id", "$ticket"),
            apiCall("POST", Set.of("tickets"), List.of("/nodepoint/?api=list_tickets&key=$read&product_id=$product", "/tickets"),
                    "api", "add_ticket", "key", "$write", "product_id", "$product", "release_id", "1.0",
                    "title", "Benign title", "description", "Benign description", "priority", "Normal", "from_user", "$user"),
            apiCall("POST", Set.of("ticket_changes", "ticket_change_fields", "time_entries"),
                    List.of("/nodepoint/?api=show_ticket&key=$read&id=$targetTicket", "/tickets/$targetTicket"),
                    "api", "update_ticket", "key", "$write", "id", "$targetTicket", "status", "Open", "priority", "Normal",
                    "resolution", "Fixed", "summary", "Benign summary", "time_spent", "0.5", "from_user", "$manager"),
            apiCall("POST", Set.of("comments"), List.of("/nodepoint/?api=show_ticket&key=$read&id=$ticket", "/tickets/$ticket"),
                    "api", "add_comment", "key", "$write", "id", "$ticket", "comment", "Benign comment"),
            apiCall("POST", Set.of("ticket_assignees", "ticket_changes", "ticket_change_fields"),
                    List.of("/nodepoint/?api=show_ticket&key=$read&id=$targetTicket", "/tickets/$targetTicket"),
                    "api", "assign_ticket", "key", "$write", "id", "$targetTicket", "user", "$manager", "from_user", "$manager"),
            apiCall("POST", Set.of("releases"), List.of("/nodepoint/?api=list_products&key=$read", "/projects/$targetProduct"),
                    "api", "add_release", "key", "$write", "product_id", "$targetProduct", "release_id", "$unique",
                    "notes", "Benign notes"),
            apiCall("GET", Set.of(), List.of(), "api", "list_users", "key", "$read"),
            apiCall("GET", Set.of(), List.of(), "api", "verify_password", "key", "$read", "user", "$user", "password", "$password"),
            apiCall("POST", Set.of("users"), List.of("/nodepoint/?api=list_users&key=$read"),
                    "api", "add_user", "key", "$write", "user", "$unique", "password", "Benign-pass-4821", "email", ""),
            apiCall("POST", Set.of(), List.of(), "api", "change_password", "key", "$write", "user", "$user", "password", "$password"),
            apiCall("GET", Set.of(), List.of(), "api", "list_items", "key", "$read"),
            apiCall("POST", Set.of("items", "item_history"), List.of("/nodepoint/?api=list_items&key=$read", "/items"),
                    "api", "add_item", "key", "$write", "type", "Laptop", "name", "Benign item", "serial", "$unique",
                    "info", "Benign info", "approval", "1", "product_id", "$product", "client_id", "0"),
            apiCall("POST", Set.of("item_history"), List.of("/nodepoint/?api=list_items&key=$read", "/items/$targetItem"),
                    "api", "update_item", "key", "$write", "id", "$targetItem", "expiration", "12/31/2030", "type", "Laptop",
                    "serial", "$unique", "info", "Benign info", "name", "Target item", "product_id", "$product", "client_id", "0",
                    "approval", "1"),
            apiCall("POST", Set.of("item_history"), List.of("/nodepoint/?api=list_items&key=$read", "/items/$targetItem"),
                    "api", "assign_item", "key", "$write", "id", "$targetItem", "user", "$user"),
            apiCall("POST", Set.of("item_history"), List.of(), "api", "return_item", "key", "$write", "id", "$targetItem"),
            apiCall("GET", Set.of(), List.of(), "api", "list_clients", "key", "$read"),
            apiCall("GET", Set.of(), List.of(), "api", "list_events", "key", "$read", "client_id", "$targetClient"),
            apiCall("GET", Set.of(), List.of(), "api", "show_billing", "key", "$read", "client", "Acme"),
            apiCall("POST", Set.of("clients"), List.of("/nodepoint/?api=list_clients&key=$read"),
                    "api", "add_client", "key", "$write", "status", "Prospect", "name", "$unique", "contact", "Benign contact",
                    "notes", "Benign notes"),
            apiCall("POST", Set.of("client_events"), List.of("/nodepoint/?api=list_events&key=$read&client_id=$targetClient",
                            "/clients/$targetClient"),
                    "api", "add_event", "key", "$write", "client_id", "$targetClient", "type", "Phone call", "summary", "Benign summary",
                    "notes", "Benign notes", "from_user", "$manager"),
            apiCall("GET", Set.of(), List.of(), "api", "list_files", "key", "$read"),
            apiCall("GET", Set.of(), List.of(), "api", "list_tasks", "key", "$read", "user", "$user"),
            apiCall("POST", Set.of("tasks", "task_log"), List.of("/nodepoint/?api=list_tasks&key=$read&user=$user", "/projects/$taskProduct"),
                    "api", "add_task", "key", "$write", "product_id", "$taskProduct", "description", "Benign task",
                    "due", "12/31/2030", "user", "$user"));

    /** Expands targets into one entry per attacked field: every field, or the file fields of a FILE target. */
    static List<Field> fieldsOf(List<Target> targets) {
        List<Field> all = new ArrayList<>();
        for (Target target : targets) {
            target.fields().keySet().stream()
                    .filter(name -> target.part() != Part.FILE || target.fileFields().contains(name))
                    .forEach(name -> all.add(new Field(target, name)));
        }
        return all;
    }

    private static Target form(String path, int level, Set<String> writes, List<String> spoilers, String objectPage,
            String... namesAndValues) {
        return new Target("POST", path, Part.BODY, fields(namesAndValues), actors(level), writes, spoilers,
                objectPage == null ? List.of() : List.of(objectPage), Set.of());
    }

    private static Target fileForm(String path, int level, Set<String> writes, List<String> spoilers, String objectPage,
            Set<String> fileFields, String... namesAndValues) {
        return new Target("POST", path, Part.FILE, fields(namesAndValues), actors(level), writes, spoilers,
                objectPage == null ? List.of() : List.of(objectPage), fileFields);
    }

    private static Target query(String path, int level, String... namesAndValues) {
        return new Target("GET", path, Part.QUERY, fields(namesAndValues), actors(level), Set.of(), List.of(), List.of(), Set.of());
    }

    /** Creates the target of a path parameter; {@code writes} names the tables that a request with a valid id adds rows to. */
    private static Target pathParameter(String method, String path, int level, String benign, String... writes) {
        String name = path.substring(path.indexOf('{'), path.indexOf('}') + 1);
        return new Target(method, path, Part.PATH, fields(name, benign), actors(level), Set.of(writes), List.of(), List.of(), Set.of());
    }

    /** Creates the target of a static asset path, which only a guest requests because assets are the same for everyone. */
    private static Target assetPath(String path, String benign) {
        return new Target("GET", path, Part.PATH, fields("{path}", benign), List.of(Level.GUEST), Set.of(), List.of(), List.of(), Set.of());
    }

    private static Target apiCall(String method, Set<String> writes, List<String> objectPages, String... namesAndValues) {
        return new Target(method, method.equals("GET") ? "/nodepoint/" : "/", method.equals("GET") ? Part.QUERY : Part.BODY,
                fields(namesAndValues), List.of(Level.GUEST), writes, List.of(), objectPages, Set.of());
    }

    /** Returns a user of the lowest level that may send the request, and the administrator. */
    private static List<Integer> actors(int level) {
        return level == Level.ADMIN ? List.of(Level.ADMIN) : List.of(level, Level.ADMIN);
    }

    /** Builds an ordered map from alternating names and values. */
    static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
