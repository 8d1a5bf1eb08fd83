package org.nodepoint;

import com.password4j.Argon2Function;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.nodepoint.admin.SiteSettingsRoutes;
import org.nodepoint.admin.SiteSettingsService;
import org.nodepoint.articles.ArticleLinkRoutes;
import org.nodepoint.articles.ArticleLinks;
import org.nodepoint.articles.ArticleRoutes;
import org.nodepoint.articles.ArticleService;
import org.nodepoint.auth.AccountRoutes;
import org.nodepoint.auth.AuthRoutes;
import org.nodepoint.auth.EmailConfirmationRoutes;
import org.nodepoint.auth.LoginThrottle;
import org.nodepoint.auth.PasswordResetRoutes;
import org.nodepoint.auth.RegistrationThrottle;
import org.nodepoint.auth.SessionService;
import org.nodepoint.auth.SignInLog;
import org.nodepoint.billing.BillingService;
import org.nodepoint.clients.ClientEventRoutes;
import org.nodepoint.clients.ClientEvents;
import org.nodepoint.clients.ClientRoutes;
import org.nodepoint.clients.ClientService;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsFile;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.directory.ConnectionCheck;
import org.nodepoint.directory.SignInCheck;
import org.nodepoint.events.EventBus;
import org.nodepoint.forms.FormAnswers;
import org.nodepoint.forms.FormFiling;
import org.nodepoint.forms.FormRoutes;
import org.nodepoint.forms.FormService;
import org.nodepoint.home.HiddenPanels;
import org.nodepoint.home.HomeRoutes;
import org.nodepoint.inventory.ItemRoutes;
import org.nodepoint.inventory.ItemService;
import org.nodepoint.legacyapi.LegacyApiRoutes;
import org.nodepoint.mail.MailChannel;
import org.nodepoint.mail.MailOutbox;
import org.nodepoint.mail.TestMailService;
import org.nodepoint.notifications.AutoAssignNotifications;
import org.nodepoint.notifications.ItemNotifications;
import org.nodepoint.notifications.NotificationChannel;
import org.nodepoint.notifications.NotificationDispatcher;
import org.nodepoint.notifications.TaskNotifications;
import org.nodepoint.notifications.TicketNotifications;
import org.nodepoint.operations.ScheduledBackups;
import org.nodepoint.plugins.CheckoutPlugin;
import org.nodepoint.plugins.NotificationPlugin;
import org.nodepoint.plugins.PluginRunner;
import org.nodepoint.plugins.TaskCompletionPlugin;
import org.nodepoint.plugins.TicketPlugins;
import org.nodepoint.projects.AutoAssignRoutes;
import org.nodepoint.projects.AutoAssignees;
import org.nodepoint.projects.ProductRoutes;
import org.nodepoint.projects.ProductService;
import org.nodepoint.reports.ReportRoutes;
import org.nodepoint.reports.ReportService;
import org.nodepoint.search.ArticleSearch;
import org.nodepoint.search.SearchRoutes;
import org.nodepoint.search.SearchService;
import org.nodepoint.setup.SetupCode;
import org.nodepoint.sharedfiles.SharedFileRoutes;
import org.nodepoint.sharedfiles.SharedFiles;
import org.nodepoint.shoutbox.Shoutbox;
import org.nodepoint.shoutbox.ShoutboxRoutes;
import org.nodepoint.setup.SetupRoutes;
import org.nodepoint.setup.SetupService;
import org.nodepoint.submissions.FormSubmissions;
import org.nodepoint.syslog.LogRetention;
import org.nodepoint.syslog.SystemLog;
import org.nodepoint.stats.Statistics;
import org.nodepoint.stats.StatisticsRoutes;
import org.nodepoint.syslog.SystemLogRoutes;
import org.nodepoint.tasks.TaskRoutes;
import org.nodepoint.tasks.TaskService;
import org.nodepoint.tickets.Assignments;
import org.nodepoint.tickets.AttentionFlags;
import org.nodepoint.tickets.Following;
import org.nodepoint.tickets.TicketPeoplePanel;
import org.nodepoint.tickets.TicketPeopleRoutes;
import org.nodepoint.tickets.TicketRoutes;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.uploads.AttachmentRoutes;
import org.nodepoint.uploads.AttachmentService;
import org.nodepoint.uploads.ProductImageRoutes;
import org.nodepoint.uploads.ProductImageService;
import org.nodepoint.uploads.UploadFolder;
import org.nodepoint.tickets.TimeTracking;
import org.nodepoint.users.AccountMails;
import org.nodepoint.users.EmailConfirmations;
import org.nodepoint.users.ExternalAccounts;
import org.nodepoint.users.PasswordResets;
import org.nodepoint.users.Passwords;
import org.nodepoint.users.UserManagementService;
import org.nodepoint.users.UserRoutes;
import org.nodepoint.users.UserService;
import org.nodepoint.web.ComponentGate;
import org.nodepoint.web.Csrf;
import org.nodepoint.web.Pages;
import org.nodepoint.web.Text;
import org.nodepoint.web.WebApp;

/**
 * Composition root: builds every long-lived object of one data folder, top to bottom. The web
 * application is built only by {@link #createApp()}, so commands such as {@code import-csv} use the
 * services without a server.
 */
public final class Wiring implements AutoCloseable {
    public final Path dataFolder;
    public final SettingsStore settings;
    public final Database database;
    public final Passwords passwords;
    public final UserService users;
    public final UserManagementService userManagement;
    public final SessionService sessions;
    public final SetupService setup;
    public final ProductService products;
    public final TicketService tickets;
    public final FormService forms;
    public final FormFiling formFiling;
    public final FormAnswers formAnswers;
    public final Following following;
    public final Assignments assignments;
    public final AttentionFlags attention;
    public final AutoAssignees autoAssignees;
    public final TimeTracking timeTracking;
    public final SearchService search;
    public final SiteSettingsService siteSettings;
    public final EventBus events;
    public final SystemLog systemLog;
    public final LogRetention logRetention;
    public final MailOutbox mail;
    public final EmailConfirmations emailConfirmations;
    public final PasswordResets passwordResets;
    public final PluginRunner plugins;
    public final SignInCheck signInCheck;
    public final TestMailService testMail;
    public final UploadFolder uploadFolder;
    public final AttachmentService attachments;
    public final ProductImageService productImages;
    public final ItemService items;
    public final ClientService clients;
    public final ClientEvents clientEvents;
    public final BillingService billing;
    // Shoutbox, shared files and hidden home page panels.
    public final Shoutbox shoutbox;
    public final SharedFiles sharedFiles;
    public final HiddenPanels hiddenPanels;
    public final TaskService tasks;
    public final ArticleService articles;
    public final ArticleLinks articleLinks;
    public final ReportService reports;
    public final Statistics statistics;
    public final ScheduledBackups scheduledBackups;

    private final Clock clock;

    /** The database path inside a data folder, unless nodepoint.cfg names another file. */
    public static final String DEFAULT_DATABASE = "db/nodepoint.db";

    public Wiring(Path dataFolder, Argon2Function hashing, Clock clock) {
        this(dataFolder, hashing, clock, MailOutbox.Timing.PRODUCTION);
    }

    /** Builds the objects with the given mail retry delays; tests shorten them. */
    public Wiring(Path dataFolder, Argon2Function hashing, Clock clock, List<Duration> mailRetries) {
        this(dataFolder, hashing, clock, MailOutbox.Timing.PRODUCTION.withRetries(mailRetries));
    }

    /** Builds the objects with the given mail retry delays, SMTP deadline and shutdown wait; tests shorten them. */
    public Wiring(Path dataFolder, Argon2Function hashing, Clock clock, MailOutbox.Timing mailTiming) {
        this.dataFolder = dataFolder;
        this.clock = clock;
        this.settings = openSettings(dataFolder);
        this.uploadFolder = new UploadFolder(uploadFolderPath(dataFolder, settings.current()), clock);
        this.database = Database.open(databaseFile(dataFolder, settings.current()));
        this.events = new EventBus();
        this.systemLog = new SystemLog(database, clock);
        this.logRetention = new LogRetention(systemLog, settings, clock);
        logRetention.start();
        this.mail = new MailOutbox(settings, systemLog, mailTiming);
        this.passwords = new Passwords(hashing);
        AccountMails accountMails = new AccountMails(mail, settings, new Text(Locale.ENGLISH));
        this.emailConfirmations = new EmailConfirmations(database, accountMails, clock);
        this.passwordResets = new PasswordResets(database, passwords, settings, accountMails, clock);
        this.users = new UserService(database, passwords, settings, clock, emailConfirmations);
        this.userManagement = new UserManagementService(database, users, passwords, settings, accountMails, systemLog, clock);
        this.sessions = new SessionService(database, users, settings, clock);
        this.setup = new SetupService(users);
        this.products = new ProductService(database, clock);
        this.tickets = new TicketService(database, settings, users, products, events, clock);
        this.forms = new FormService(database, settings, products, clock);
        this.items = new ItemService(database, settings, users, events, systemLog, clock);
        this.articles = new ArticleService(database, settings, clock);
        this.articleLinks = new ArticleLinks(database, articles, tickets, settings, clock);
        this.formAnswers = new FormAnswers(database, tickets, articles);
        this.following = new Following(database, tickets, settings, events);
        this.assignments = new Assignments(database, tickets, users, events, clock);
        this.attention = new AttentionFlags(database, tickets, users, settings, events, clock);
        this.autoAssignees = new AutoAssignees(database, products, users, events, clock);
        this.timeTracking = new TimeTracking(database, tickets);
        this.search = new SearchService(database, tickets);
        this.attachments = new AttachmentService(database, settings, tickets, uploadFolder, clock);
        this.productImages = new ProductImageService(database, settings, products, uploadFolder, clock);
        this.clients = new ClientService(database, settings, systemLog, clock);
        this.clientEvents = new ClientEvents(database, settings, clock);
        this.billing = new BillingService(database, settings, clients, tickets, timeTracking, systemLog, clock);
        this.tasks = new TaskService(database, settings, products, users, events, systemLog, clock);
        this.formFiling = new FormFiling(forms, tickets, products, users, attachments, items, clients, billing, tasks, articles);
        this.siteSettings = new SiteSettingsService(settings, systemLog);
        this.shoutbox = new Shoutbox(database, systemLog, clock);
        this.sharedFiles = new SharedFiles(database, settings, attachments, uploadFolder, systemLog, clock);
        this.hiddenPanels = new HiddenPanels(database, clock);
        this.reports = new ReportService(database, tickets, articles, settings, clock);
        this.statistics = new Statistics(database, settings, tickets, users, clock);
        this.plugins = new PluginRunner(settings, systemLog, dataFolder);
        this.signInCheck = new SignInCheck(users, new ExternalAccounts(database, users, settings, clock), plugins, settings, systemLog);
        events.subscribe(new TicketPlugins(plugins, tickets, users, billing));
        events.subscribe(new CheckoutPlugin(plugins, database));
        events.subscribe(new TaskCompletionPlugin(plugins, database));

        // Notifications: every channel receives every notification and picks its own recipients.
        Text mailText = new Text(Locale.ENGLISH);
        List<NotificationChannel> channels = List.of(new MailChannel(mail, users), new NotificationPlugin(plugins));
        NotificationDispatcher dispatcher = new NotificationDispatcher(channels);
        events.subscribe(new TicketNotifications(database, tickets, settings, mailText, dispatcher));
        events.subscribe(new AutoAssignNotifications(users, products, settings, mailText, dispatcher));
        events.subscribe(new ItemNotifications(database, settings, mailText, dispatcher));
        events.subscribe(new TaskNotifications(database, products, settings, mailText, dispatcher));
        this.testMail = new TestMailService(mail, settings, users, systemLog, mailText);
        // Started by the serve command only, so that other commands never write a backup.
        this.scheduledBackups = new ScheduledBackups(dataFolder, settings, systemLog, clock);
    }

    public static Wiring open(Path dataFolder) {
        return new Wiring(dataFolder, Passwords.PRODUCTION, Clock.systemUTC());
    }

    /** Builds the web application for direct clients; see {@link #createApp(SetupCode, Path, boolean)}. */
    public Javalin createApp(SetupCode setupCode, Path devTemplates) {
        return createApp(setupCode, devTemplates, false);
    }

    /**
     * Builds the web application. {@code devTemplates} is a folder of .jte files to reload, or null;
     * {@code trustProxy} reads the client address and scheme from forwarding headers.
     */
    public Javalin createApp(SetupCode setupCode, Path devTemplates, boolean trustProxy) {
        Csrf csrf = new Csrf();
        Text text = new Text(Locale.ENGLISH);
        Pages pages = new Pages(Pages.engine(devTemplates), settings, csrf, text);
        WebApp web = new WebApp(settings, sessions, csrf, pages, database, trustProxy);
        // One throttle for every password check: sign-in, own settings and the verify_password call.
        LoginThrottle throttle = new LoginThrottle(clock);
        SignInLog signInLog = new SignInLog(systemLog, clock);
        LegacyApiRoutes legacyApi = new LegacyApiRoutes(settings, users, products, tickets, formAnswers, assignments, autoAssignees,
                timeTracking, throttle, systemLog, signInLog, items, clients, clientEvents, billing, sharedFiles, tasks, signInCheck);
        FormSubmissions submissions = new FormSubmissions(database, csrf, clock);
        ComponentGate gate = new ComponentGate(settings);
        ProductRoutes productRoutes = new ProductRoutes(products, tickets, pages, forms, autoAssignees, productImages, tasks, submissions,
                settings);
        return web.create(List.of(
                new SetupRoutes(setup, setupCode, settings, pages, systemLog),
                new AuthRoutes(users, signInCheck, sessions, throttle, new RegistrationThrottle(clock), signInLog, settings, pages, passwordResets),
                new AccountRoutes(users, sessions, throttle, timeTracking, settings, pages),
                // Lost password requests have a throttle of their own, so that they cannot lock anyone out of signing in.
                new PasswordResetRoutes(passwordResets, new LoginThrottle(clock), pages),
                new EmailConfirmationRoutes(emailConfirmations, users, pages),
                new UserRoutes(userManagement, settings, pages),
                new HomeRoutes(tickets, following, attention, items, tasks, legacyApi.api(), articles, pages, shoutbox, hiddenPanels),
                new ShoutboxRoutes(shoutbox, gate),
                new SharedFileRoutes(sharedFiles, settings, pages, gate),
                productRoutes,
                new TaskRoutes(tasks, productRoutes, gate, submissions),
                new AutoAssignRoutes(autoAssignees),
                new TicketRoutes(tickets, products, settings, pages, gate, formFiling, formAnswers,
                        new TicketPeoplePanel(following, assignments, attention), attention, attachments, timeTracking, submissions, billing, articleLinks),
                new TicketPeopleRoutes(following, assignments, attention, settings, pages, gate),
                new FormRoutes(forms, products, settings, pages, gate),
                new AttachmentRoutes(attachments, gate),
                new ProductImageRoutes(productImages, products, pages),
                new SearchRoutes(search, new ArticleSearch(database, articles), pages, gate),
                new SiteSettingsRoutes(siteSettings, testMail, new ConnectionCheck(settings, systemLog), pages),
                new SystemLogRoutes(systemLog, settings, pages),
                new ItemRoutes(items, products, settings, pages, gate, submissions),
                new ClientRoutes(clients, clientEvents, billing, settings, pages, gate),
                new ClientEventRoutes(clients, clientEvents, billing, settings, pages),
                new ArticleRoutes(articles, articleLinks, products, settings, pages, gate),
                new ArticleLinkRoutes(articleLinks, gate),
                new ReportRoutes(reports, settings, pages),
                new StatisticsRoutes(statistics, pages),
                legacyApi));
    }

    public static Path settingsFile(Path dataFolder) {
        return dataFolder.resolve("nodepoint.cfg");
    }

    /** Resolves db_address against the data folder, as NodePoint 1.x resolved it against its own folder. */
    public static Path databaseFile(Path dataFolder, Settings settings) {
        String configured = settings.get(Settings.DB_ADDRESS).strip();
        return dataFolder.resolve(configured.isEmpty() ? DEFAULT_DATABASE : configured);
    }

    /**
     * Resolves upload_folder ("uploads" by default) against the data folder, so that a backup of
     * the data folder has the uploads. {@link UploadFolder} creates it.
     */
    public static Path uploadFolderPath(Path dataFolder, Settings settings) {
        String configured = settings.get(Settings.UPLOAD_FOLDER).strip();
        return dataFolder.resolve(configured.isEmpty() ? "uploads" : configured);
    }

    private static SettingsStore openSettings(Path dataFolder) {
        try {
            return new SettingsStore(new SettingsFile(settingsFile(dataFolder)));
        } catch (IOException failure) {
            throw new UncheckedIOException("Failed to read " + settingsFile(dataFolder), failure);
        }
    }

    @Override
    public void close() {
        // The log retention, queued events, lost password requests, plugins and mail all write to the
        // database, so it closes last. Queued events and lost password requests still queue their
        // mail. Then the outbox takes no more and drops its retries, so that its queue drains
        // while the plugins finish. Closing it records the mails not sent.
        logRetention.close();
        scheduledBackups.close();
        events.close();
        passwordResets.close();
        mail.stopAccepting();
        plugins.close();
        mail.close();
        database.close();
    }
}
