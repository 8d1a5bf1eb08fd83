package org.nodepoint.testing;

import org.nodepoint.events.Origin;
import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import io.javalin.testtools.TestConfig;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.nodepoint.Wiring;
import org.nodepoint.articles.ArticleForm;
import org.nodepoint.clients.Client;
import org.nodepoint.clients.ClientForm;
import org.nodepoint.config.Settings;
import org.nodepoint.forms.FieldType;
import org.nodepoint.forms.FormDraft;
import org.nodepoint.forms.TicketForm;
import org.nodepoint.mail.MailOutbox;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductForm;
import org.nodepoint.setup.SetupCode;
import org.nodepoint.setup.SetupForm;
import org.nodepoint.sharedfiles.NewLink;
import org.nodepoint.tickets.NewTicket;
import org.nodepoint.uploads.IncomingFile;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.Viewer;

/**
 * A configured NodePoint on a fresh data folder: real SQLite file, production migrations, real
 * services. Argon2id runs with small parameters so that tests stay fast; the algorithm is the same.
 */
public final class TestNodePoint implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-password-1";
    public static final String PASSWORD = "user-password-1";
    public static final String READ_KEY = "read-key-0123456789";
    public static final String WRITE_KEY = "write-key-0123456789";
    public static final String SETUP_CODE = "TESTCODE";
    /** 1 MiB and one pass: fast in tests, still a real Argon2id hash. */
    public static final Argon2Function FAST_HASHING = Argon2Function.getInstance(1024, 1, 1, 32, Argon2.ID);

    /** Two quick retries, so that a test sees a mail fail for good within a second. */
    public static final List<Duration> MAIL_RETRIES = List.of(Duration.ofMillis(50), Duration.ofMillis(100));

    public final Wiring wiring;

    private TestNodePoint(Wiring wiring) {
        this.wiring = wiring;
    }

    /** Creates a data folder that has been through first-run setup, with the given extra settings. */
    public static TestNodePoint configured(Path folder, Map<String, String> settings) {
        return configured(folder, settings, Clock.systemUTC());
    }

    /** Like {@link #configured(Path, Map)}, with a clock that the test controls, such as one for the sign-in throttle. */
    public static TestNodePoint configured(Path folder, Map<String, String> settings, Clock clock) {
        return configured(new Wiring(folder, FAST_HASHING, clock, MAIL_RETRIES), settings);
    }

    /** Like {@link #configured(Path, Map)}, with the outbox's retry delays, SMTP deadline and shutdown wait. */
    public static TestNodePoint configured(Path folder, Map<String, String> settings, MailOutbox.Timing mailTiming) {
        return configured(new Wiring(folder, FAST_HASHING, Clock.systemUTC(), mailTiming), settings);
    }

    private static TestNodePoint configured(Wiring wiring, Map<String, String> settings) {
        TestNodePoint node = new TestNodePoint(wiring);
        node.wiring.setup.configure(new SetupForm("admin", ADMIN_PASSWORD, ADMIN_PASSWORD, "Test Desk", "Restricted",
                false, false, READ_KEY, WRITE_KEY));
        if (!settings.isEmpty()) {
            node.wiring.settings.update(settings);
        }
        return node;
    }

    public static TestNodePoint configured(Path folder) {
        return configured(folder, Map.of());
    }

    /** Creates a data folder before first-run setup, where every page redirects to /setup. */
    public static TestNodePoint unconfigured(Path folder) {
        return new TestNodePoint(new Wiring(folder, FAST_HASHING, Clock.systemUTC(), MAIL_RETRIES));
    }

    /** Opens an existing data folder again with nothing added, as a restart of the server would. */
    public static TestNodePoint reopen(Path folder) {
        return new TestNodePoint(new Wiring(folder, FAST_HASHING, Clock.systemUTC(), MAIL_RETRIES));
    }

    public Javalin app() {
        return wiring.createApp(new SetupCode(SETUP_CODE), null);
    }

    /**
     * Starts the app on a free port for the test case. Cookie clearing is off because javalin-testtools
     * clears them through an extra route without an access rule, which our route check rejects.
     */
    public void http(TestCase testCase) {
        JavalinTest.test(app(), new TestConfig(false, true), testCase);
    }

    public void set(String key, String value) {
        wiring.settings.update(Map.of(key, value));
    }

    public Settings settings() {
        return wiring.settings.current();
    }

    /** Registers a local user with {@link #PASSWORD} and sets the level directly in the database. */
    public User user(String name, int level) {
        User user = wiring.users.register(name, PASSWORD, PASSWORD, "");
        wiring.database.write().useHandle(handle -> handle.createUpdate("UPDATE users SET level = :level WHERE id = :id")
                .bind("level", level).bind("id", user.id()).execute());
        return wiring.users.findById(user.id()).orElseThrow();
    }

    public Viewer viewer(User user) {
        return Viewer.of(user);
    }

    public Viewer admin() {
        return Viewer.of(wiring.users.findByName("admin").orElseThrow());
    }

    public Product product(String name, String visibility) {
        return wiring.products.create(admin(), new ProductForm(name, "", "", visibility, "1.0"));
    }

    public long ticket(Viewer author, Product product, String title, String description) {
        return wiring.tickets.file(author, new NewTicket(product.id(), "", title, description, "Normal"), Origin.WEB);
    }

    /** Creates an article as the administrator, for all projects when {@code product} is null, and returns its id. */
    public long article(String title, Product product, String body, boolean published) {
        String productId = product == null ? "" : String.valueOf(product.id());
        long id = wiring.articles.create(admin(), new ArticleForm(title, "", productId, false));
        wiring.articles.save(admin(), id, 0, new ArticleForm(title, body, productId, published));
        return id;
    }

    /** Creates a custom form, as the administrator, with one optional question per type, asking for the type's key. */
    public TicketForm form(String name, FieldType... types) {
        List<FormDraft.Row> rows = java.util.Arrays.stream(types).map(type -> new FormDraft.Row(type.key(), type.key(), false)).toList();
        return wiring.forms.create(admin(), new FormDraft(name, "Title", "Description", false, rows));
    }

    /** Attaches a file to the ticket itself, as a custom form's file field does, and returns the attachment's id. */
    public long attachment(Viewer author, long ticketId, String name, byte[] content) {
        return wiring.attachments.store(author, ticketId, "file", new IncomingFile(name, content.length, () -> new ByteArrayInputStream(content)));
    }

    /** Sets the product's image, as the administrator, from the bytes of a PNG, JPEG or GIF file. */
    public void productImage(Product product, byte[] image) {
        wiring.productImages.replace(admin(), product.id(), List.of(new IncomingFile("image", image.length, () -> new ByteArrayInputStream(image))));
    }

    /** Shares a file through the Files page as the uploader and returns its one-time link. */
    public NewLink sharedFile(Viewer uploader, String name, byte[] content) {
        return wiring.sharedFiles.upload(uploader, List.of(new IncomingFile(name, content.length, () -> new ByteArrayInputStream(content))));
    }

    /** Adds a client to the directory as the administrator. */
    public Client client(String name, String status) {
        return wiring.clients.create(admin(), new ClientForm(name, status, "", ""));
    }

    public static int levelOf(String name) {
        return switch (name) {
            case "guest" -> Level.GUEST;
            default -> Integer.parseInt(name);
        };
    }

    @Override
    public void close() {
        wiring.close();
    }
}
