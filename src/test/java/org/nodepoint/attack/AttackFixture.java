package org.nodepoint.attack;

import org.nodepoint.events.Origin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.nodepoint.clients.EventForm;
import org.nodepoint.config.Settings;
import org.nodepoint.forms.FieldType;
import org.nodepoint.inventory.ItemForm;
import org.nodepoint.inventory.ItemRules;
import org.nodepoint.projects.Product;
import org.nodepoint.sharedfiles.NewLink;
import org.nodepoint.submissions.Submission;
import org.nodepoint.tasks.TaskForm;
import org.nodepoint.testing.PermissionTable;
import org.nodepoint.testing.TestImages;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.Chrome;

/**
 * The data that attack tests run against: one user per level (named "actor" and the level), the
 * products, tickets and custom forms that forms target, and objects that no form targets, which
 * must not change.
 */
final class AttackFixture {
    /** The level 1 user that $user names, who is not one of the actors. */
    static final String MEMBER = "member";
    /** The name of the client that $emptyClient names, which show_billing looks up. */
    static final String CLIENT_NAME = "Acme";
    /** Larger than every id that a number in the corpus names, except 999999 and above. */
    private static final long LAST_RESERVED_ID = 100;
    /**
     * Settings under which every form is open: registrations, impersonation by the API, public
     * tickets, and mail for the lost password forms. Mail goes to port 9 of the loopback address,
     * a privileged port that no test opens, so every mail fails at once and nothing leaves the machine.
     */
    static final Map<String, String> SETTINGS = Map.of(
            Settings.TICKET_VISIBILITY, "Public",
            Settings.ALLOW_REGISTRATIONS, "on",
            Settings.GUEST_TICKETS, "off",
            Settings.API_IMPERSONATION, "on",
            Settings.SESSION_EXPIRY, String.valueOf(24 * 30),
            Settings.SMTP_SERVER, "127.0.0.1",
            Settings.SMTP_PORT, "9",
            Settings.SMTP_SECURITY, "none",
            Settings.SMTP_FROM, "desk@example.org");

    final TestNodePoint node;
    final Product product;
    final StoredData.Untouched untouched;
    /** The id of the level 3 actor, which $managerId names. */
    private final long managerId;
    /** A file of a visible ticket, and one of the untouched ticket. */
    private final long attachment;
    private final long hiddenAttachment;
    private Product targetProduct;
    private long ticket;
    private long targetTicket;
    private long form;
    private Product formProduct;
    private long fileForm;
    private Product fileFormProduct;
    private long targetForm;
    /** Items: an available one and one whose checkout $user requested, both new in each batch, and one $user holds. */
    private long targetItem;
    private long waitingItem;
    private long heldItem;
    /** A form whose one question asks for a client, and the product that uses it. */
    private long clientForm;
    private Product clientFormProduct;
    /** A client without events, whose event paths find nothing to change, and a client with an event that forms edit. */
    private long emptyClient;
    private long targetClient;
    private long targetEvent;
    /** A shared file with its link path, which downloads and relinks target, and a new file per batch for the delete form. */
    private final long sharedFile;
    private final String fileLink;
    private long targetFile;
    /** A shoutbox message, which the delete path targets. */
    private final long shout;
    /**
     * Tasks, all with ids above {@link #LAST_RESERVED_ID}: the project that the add-task form
     * targets, the task of the level 1 actor and of the administrator whose completion they set,
     * and a task that the delete path removes while the runner learns the pages.
     */
    private Product taskProduct;
    private final Map<Integer, Long> ownTasks = new HashMap<>();
    private long deletableTask;
    private long memberId;
    /** Articles: a published one of all products, a draft, a draft that no form links, and a new draft to edit in each batch. */
    private long article;
    private long draftArticle;
    private long spareArticle;
    private long targetArticle;
    private int unique;

    private AttackFixture(TestNodePoint node) {
        this.node = node;
        for (int level = Level.UNAUTHORIZED; level <= Level.USERS_MANAGEMENT; level++) {
            node.user(actorName(level), level);
        }
        node.user(MEMBER, Level.AUTHORIZED);
        this.managerId = node.wiring.users.findByName(actorName(Level.TICKETS_MANAGEMENT)).orElseThrow().id();
        Viewer admin = node.admin();
        this.product = node.product("Printers", "Public");
        node.productImage(product, TestImages.png());
        long ticketWithFile = node.ticket(admin, product, "Printer manual", "The manual is attached.");
        this.attachment = node.attachment(admin, ticketWithFile, "manual.pdf", "%PDF-1.7 manual".getBytes(StandardCharsets.UTF_8));
        this.emptyClient = node.client(CLIENT_NAME, "Paid").id();
        NewLink link = node.sharedFile(admin, "shared manual.pdf", "%PDF-1.7 shared manual".getBytes(StandardCharsets.UTF_8));
        this.sharedFile = link.fileId();
        this.fileLink = link.path();
        this.shout = node.wiring.shoutbox.post(admin, "The printers are back.");
        renewTargets();

        reserveSmallIds();
        User bystander = node.user("bystander", Level.RESTRICTED_VIEW);
        Product hidden = node.product("Untouched product", "Restricted");
        long hiddenTicket = node.ticket(admin, hidden, "Untouched ticket", "No attacked form edits this ticket.");
        node.wiring.tickets.comment(admin, hiddenTicket, "Untouched comment", Origin.WEB);
        this.hiddenAttachment = node.attachment(admin, hiddenTicket, "untouched.txt", "Untouched file".getBytes(StandardCharsets.UTF_8));
        long hiddenClient = node.client("Untouched client", "Unpaid").id();
        node.wiring.clientEvents.add(admin, hiddenClient, new EventForm("email", "Untouched event", "No attacked form edits this event."));
        node.wiring.billing.billTicket(admin, hiddenTicket, hiddenClient);
        this.untouched = new StoredData.Untouched(hidden.id(), hiddenTicket, bystander.id(), hiddenClient);
        article = node.article("Clearing paper jams", null, "Open the front cover.", true);
        draftArticle = node.article("Unreleased fix", product, "Not ready yet.", false);
        spareArticle = node.article("Spare article", product, "No form links this draft.", false);
        createFormProduct(admin);
        heldItem = item("Held item", false);
        node.wiring.items.checkouts().checkOut(member(), heldItem, Origin.WEB);
        createTasks();
    }

    /**
     * Creates the task objects after the small ids are reserved, so that no number in the corpus
     * names a task, or a project with completion log lines that the clear path could delete.
     */
    private void createTasks() {
        memberId = member().userId();
        taskProduct = node.product("Task project", "Public");
        for (int level : new int[] {Level.AUTHORIZED, Level.ADMIN}) {
            long assignee = node.wiring.users.findByName(actorName(level)).orElseThrow().id();
            ownTasks.put(level, task("Own task of " + actorName(level), assignee));
        }
        deletableTask = task("Task to delete", memberId);
    }

    private long task(String description, long assigneeId) {
        return node.wiring.tasks.add(node.admin(), taskProduct.id(), new TaskForm(description, String.valueOf(assigneeId), "2030-12-31"),
                Submission.NONE);
    }

    /**
     * Creates the custom forms that the filing targets answer, one with a question of each kind that
     * takes typed text and one with a file question, and the products that use them. The ids are
     * above {@link #LAST_RESERVED_ID} so that no number in the corpus names them.
     */
    private void createFormProduct(Viewer admin) {
        form = node.form("Printer report", FieldType.SHORT_TEXT, FieldType.LONG_TEXT, FieldType.NUMBER, FieldType.EMAIL,
                FieldType.DATE, FieldType.PHONE, FieldType.USER, FieldType.ASSIGNEE, FieldType.SATISFACTION).id();
        formProduct = node.product("Form product", "Public");
        node.wiring.forms.assign(admin, form, formProduct.id());
        fileForm = node.form("Printer photo", FieldType.FILE).id();
        fileFormProduct = node.product("File form product", "Public");
        node.wiring.forms.assign(admin, fileForm, fileFormProduct.id());
        clientForm = node.form("Client report", FieldType.CLIENT).id();
        clientFormProduct = node.product("Client form product", "Public");
        node.wiring.forms.assign(admin, clientForm, clientFormProduct.id());
    }

    /**
     * Adds a spare product, ticket and item with id {@link #LAST_RESERVED_ID}, so that the untouched
     * objects and the held item get larger ids. The API reads ids as Perl's int() does, so inputs such
     * as "3.14159" and "017" legitimately name tickets 3 and 17. The untouched objects must be out of
     * their reach, and so must the held item, which the delete form targets and must never release.
     */
    private void reserveSmallIds() {
        node.wiring.database.write().useHandle(handle -> {
            handle.execute("INSERT INTO products (id, name, name_key, visibility, created_at) VALUES (?, 'Spare', 'spare', 'Public', 0)",
                    LAST_RESERVED_ID);
            handle.execute("INSERT INTO tickets (id, product_id, created_by, title, description, created_at) "
                    + "VALUES (?, ?, (SELECT id FROM users WHERE name = 'admin'), 'Spare', 'Spare', 0)", LAST_RESERVED_ID, LAST_RESERVED_ID);
            handle.execute("INSERT INTO items (id, name, type, created_at) VALUES (?, 'Spare', 'Other', 0)", LAST_RESERVED_ID);
            handle.execute("INSERT INTO clients (id, name, name_key, status, created_at) VALUES (?, 'Spare', 'spare', 'Prospect', 0)",
                    LAST_RESERVED_ID);
            handle.execute("INSERT INTO tasks (id, product_id, description, assignee_id, due_date, created_by, created_at) "
                    + "VALUES (?, ?, 'Spare', (SELECT id FROM users WHERE name = 'admin'), '2030-12-31', "
                    + "(SELECT id FROM users WHERE name = 'admin'), 0)", LAST_RESERVED_ID, LAST_RESERVED_ID);
            handle.execute("INSERT INTO articles (id, title, created_by, created_at) VALUES (?, 'Spare', "
                    + "(SELECT id FROM users WHERE name = 'admin'), 0)", LAST_RESERVED_ID);
        });
    }

    /**
     * Creates a new product to edit, a new ticket to update and a new ticket to comment on, so that
     * the pages that show them stay small however many requests an earlier field stored.
     */
    void renewTargets() {
        Viewer admin = node.admin();
        targetProduct = node.product("Target " + (++unique), "Public");
        ticket = node.ticket(admin, product, "Printer jams", "The printer jams on every page.");
        targetTicket = node.ticket(admin, product, "Target ticket", "Target description");
        // The target form is in use, so that no attacked request can delete it.
        targetForm = node.form("Target form " + unique, FieldType.SHORT_TEXT).id();
        node.wiring.forms.assign(admin, targetForm, targetProduct.id());
        targetItem = item("Target item " + unique, false);
        waitingItem = item("Requested item " + unique, true);
        node.wiring.items.checkouts().checkOut(member(), waitingItem, Origin.WEB);
        targetClient = node.client("Target client " + unique, "Contact").id();
        targetEvent = node.wiring.clientEvents.add(admin, targetClient, new EventForm("phone", "Target event", "Target notes"));
        targetFile = node.sharedFile(admin, "target " + unique + ".txt", "Target file".getBytes(StandardCharsets.UTF_8)).fileId();
        targetArticle = node.article("Target article " + unique, product, "Target text.", false);
    }

    private long item(String name, boolean needsApproval) {
        return node.wiring.items.add(node.admin(), new ItemForm(name, "Laptop", null, "", "", needsApproval, "Locker 7"),
                ItemRules.TypeRule.LISTED, Submission.NONE);
    }

    private Viewer member() {
        return node.viewer(node.wiring.users.findByName(MEMBER).orElseThrow());
    }

    static AttackFixture create(Path folder) {
        return new AttackFixture(TestNodePoint.configured(folder, SETTINGS));
    }

    static AttackFixture create(Path folder, Clock clock) {
        return new AttackFixture(TestNodePoint.configured(folder, SETTINGS, clock));
    }

    static String actorName(int level) {
        return switch (level) {
            case Level.GUEST -> "guest";
            case Level.ADMIN -> "admin";
            default -> "actor" + level;
        };
    }

    static String password(int level) {
        return level == Level.ADMIN ? TestNodePoint.ADMIN_PASSWORD : TestNodePoint.PASSWORD;
    }

    /**
     * Replaces the placeholders of benign values and paths. They name the objects above, a new
     * name on each call ($unique), the target ticket's current version ($version), a level 3 user
     * ($manager, with the id $managerId), the passwords and the keys. The placeholders of the permission table work too,
     * so that its pages can be visited.
     */
    String fill(String text, int actorLevel) {
        if (!text.contains("$")) {
            return text;
        }
        Map<String, String> values = new HashMap<>();
        values.put("$product", String.valueOf(product.id()));
        values.put("$targetProduct", String.valueOf(targetProduct.id()));
        values.put("$hiddenProduct", String.valueOf(untouched.productId()));
        values.put("$ticket", String.valueOf(ticket));
        values.put("$targetTicket", String.valueOf(targetTicket));
        values.put("$hiddenTicket", String.valueOf(untouched.ticketId()));
        values.put("$attachment", String.valueOf(attachment));
        values.put("$hiddenAttachment", String.valueOf(hiddenAttachment));
        values.put("$user", MEMBER);
        values.put("$manager", actorName(Level.TICKETS_MANAGEMENT));
        values.put("$managerId", String.valueOf(managerId));
        values.put("$self", actorLevel == Level.GUEST ? MEMBER : actorName(actorLevel));
        values.put("$password", TestNodePoint.PASSWORD);
        values.put("$adminPassword", TestNodePoint.ADMIN_PASSWORD);
        values.put("$setupCode", TestNodePoint.SETUP_CODE);
        values.put("$read", TestNodePoint.READ_KEY);
        values.put("$write", TestNodePoint.WRITE_KEY);
        values.put("$bootstrap", Chrome.BOOTSTRAP);
        values.put("$bootstrapPath", Chrome.BOOTSTRAP.substring("/webjars/".length()));
        values.put("$form", String.valueOf(form));
        values.put("$formProduct", String.valueOf(formProduct == null ? 0 : formProduct.id()));
        values.put("$fileForm", String.valueOf(fileForm));
        values.put("$fileFormProduct", String.valueOf(fileFormProduct == null ? 0 : fileFormProduct.id()));
        values.put("$targetForm", String.valueOf(targetForm));
        values.put("$item", String.valueOf(targetItem));
        values.put("$targetItem", String.valueOf(targetItem));
        values.put("$waitingItem", String.valueOf(waitingItem));
        values.put("$heldItem", String.valueOf(heldItem));
        values.put("$clientForm", String.valueOf(clientForm));
        values.put("$clientFormProduct", String.valueOf(clientFormProduct == null ? 0 : clientFormProduct.id()));
        values.put("$emptyClient", String.valueOf(emptyClient));
        values.put("$targetClient", String.valueOf(targetClient));
        values.put("$targetEvent", String.valueOf(targetEvent));
        values.put("$client", String.valueOf(targetClient));
        values.put("$event", String.valueOf(targetEvent));
        values.put("$sharedFile", String.valueOf(sharedFile));
        values.put("$fileLink", fileLink);
        values.put("$fileToken", fileLink.substring(fileLink.lastIndexOf('/') + 1));
        values.put("$targetFile", String.valueOf(targetFile));
        values.put("$shout", String.valueOf(shout));
        values.put("$taskProduct", String.valueOf(taskProduct == null ? 0 : taskProduct.id()));
        values.put("$memberId", String.valueOf(memberId));
        values.put("$ownTask", String.valueOf(ownTasks.getOrDefault(actorLevel, deletableTask)));
        values.put("$deletableTask", String.valueOf(deletableTask));
        values.put("$task", String.valueOf(ownTasks.getOrDefault(actorLevel, deletableTask)));
        values.put("$article", String.valueOf(article));
        values.put("$draftArticle", String.valueOf(draftArticle));
        values.put("$spareArticle", String.valueOf(spareArticle));
        values.put("$targetArticle", String.valueOf(targetArticle));
        if (text.contains("$articleVersion")) {
            values.put("$articleVersion", String.valueOf(node.wiring.articles.find(node.admin(), targetArticle).version()));
        }
        if (text.contains("$unique")) {
            values.put("$unique", "name" + (++unique));
        }
        if (text.contains("$version")) {
            values.put("$version", String.valueOf(currentVersion()));
        }
        if (text.contains("$itemVersion")) {
            values.put("$itemVersion", String.valueOf(node.wiring.items.find(targetItem).version()));
        }
        if (text.contains("$formVersion")) {
            values.put("$formVersion", String.valueOf(formVersion(form)));
        }
        if (text.contains("$fileFormVersion")) {
            values.put("$fileFormVersion", String.valueOf(formVersion(fileForm)));
        }
        if (text.contains("$clientFormVersion")) {
            values.put("$clientFormVersion", String.valueOf(formVersion(clientForm)));
        }
        if (text.contains("$clientVersion")) {
            values.put("$clientVersion", String.valueOf(clientVersion()));
        }
        if (text.contains("$eventVersion")) {
            values.put("$eventVersion", String.valueOf(node.wiring.clientEvents.listAll(targetClient).get(0).version()));
        }
        if (text.contains("$targetFormVersion")) {
            values.put("$targetFormVersion", String.valueOf(formVersion(targetForm)));
        }
        return PermissionTable.fill(text, values);
    }

    private long currentVersion() {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT version FROM tickets WHERE id = ?")
                .bind(0, targetTicket).mapTo(Long.class).one());
    }

    private long clientVersion() {
        return node.wiring.clients.findById(targetClient).orElseThrow().version();
    }

    private long formVersion(long formId) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT version FROM ticket_forms WHERE id = ?")
                .bind(0, formId).mapTo(Long.class).one());
    }

    StoredData snapshot() {
        return StoredData.take(node, untouched);
    }
}
