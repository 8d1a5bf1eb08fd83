package org.nodepoint.articles;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.text.UserText;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Support articles: Markdown pages for one project or for all projects. Level 4 creates them as
 * drafts, edits, publishes, unpublishes and deletes them. Everyone who may see the site reads the
 * published ones, and signed-in users mark favourites for their home page. {@link ArticleAccess}
 * alone decides which articles a viewer may see.
 */
public final class ArticleService {
    private static final Logger log = LoggerFactory.getLogger(ArticleService.class);

    public static final int MIN_TITLE_LENGTH = 2;
    public static final int MAX_TITLE_LENGTH = 50;
    public static final int MAX_BODY_LENGTH = 100_000;
    /** The maximum number of favourites that the home page lists. The page names how many there are in all. */
    public static final int HOME_FAVOURITES = 10;

    private final ArticleReads reads;
    private final GroupCommitWriter writer;
    private final SettingsStore settings;
    private final ArticleMarkdown markdown = new ArticleMarkdown();
    private final Clock clock;

    public ArticleService(Database database, SettingsStore settings, Clock clock) {
        this.reads = new ArticleReads(database.read());
        this.writer = database.groupCommitWriter();
        this.settings = settings;
        this.clock = clock;
    }

    /** The pinned article of the home page, if the viewer may see it, and the viewer's favourites. */
    public record HomeArticles(Article pinned, String pinnedHtml, ArticleList favourites) {
        public static final HomeArticles NONE = new HomeArticles(null, "", new ArticleList(List.of(), 0));

        public boolean hasMoreFavourites() {
            return favourites.total() > favourites.rows().size();
        }
    }

    /** Returns true when the viewer may create, edit, publish and delete articles and see drafts. */
    public boolean canManage(Viewer viewer) {
        return ArticleAccess.seesDrafts(viewer);
    }

    /**
     * Returns one page of the articles the viewer may see, by title. {@code productFilter} is "" for
     * every article, "all" for those of all projects, or a project id.
     */
    public ArticleList list(Viewer viewer, String productFilter, long offset, int limit) {
        return reads.listPage(viewer, parseFilter(productFilter), offset, limit);
    }

    /** Returns the article, or NotFoundException when it does not exist or the viewer may not see it. */
    public Article find(Viewer viewer, long id) {
        return reads.findVisible(viewer, id).orElseThrow(() -> new NotFoundException("articles.notFound"));
    }

    /** Renders the article's body to sanitised HTML, the only article text that a template prints unescaped. */
    public String bodyHtml(Article article) {
        return markdown.toSafeHtml(article.body());
    }

    /** Creates an empty draft with the form's title and project and returns its id. */
    public long create(Viewer viewer, ArticleForm form) {
        requireManager(viewer);
        FieldErrors errors = new FieldErrors();
        String title = checkTitle(form.title(), errors);
        Long productId = checkProduct(form.product(), errors);
        errors.throwIfAny();
        long id = writer.inTransaction(handle -> {
            ArticleDao dao = handle.attach(ArticleDao.class);
            requireProduct(dao, productId);
            return dao.insert(productId, title, viewer.userId(), clock.millis());
        });
        log.info("User {} created article {}", viewer.userId(), id);
        return id;
    }

    /**
     * Saves the title, body, project and published flag. {@code expectedVersion} is the version the
     * edit form showed; when someone else saved the article since, nothing is stored.
     */
    public Article save(Viewer viewer, long id, long expectedVersion, ArticleForm form) {
        requireManager(viewer);
        FieldErrors errors = new FieldErrors();
        String title = checkTitle(form.title(), errors);
        Long productId = checkProduct(form.product(), errors);
        String body = UserText.multiLine(form.body());
        if (body.length() > MAX_BODY_LENGTH) {
            errors.add("body", "articles.body.length", MAX_BODY_LENGTH);
        }
        errors.throwIfAny();
        writer.useTransaction(handle -> {
            ArticleDao dao = handle.attach(ArticleDao.class);
            requireProduct(dao, productId);
            if (dao.update(id, expectedVersion, productId, title, body, form.published(), clock.millis()) == 0) {
                if (dao.countArticle(id) == 0) {
                    throw new NotFoundException("articles.notFound");
                }
                throw ValidationException.of("version", "articles.stale");
            }
        });
        log.info("User {} saved article {}", viewer.userId(), id);
        return find(viewer, id);
    }

    /** Publishes or unpublishes the article and returns it as it is now. */
    public Article setPublished(Viewer viewer, long id, boolean published) {
        requireManager(viewer);
        writer.useTransaction(handle -> {
            if (handle.attach(ArticleDao.class).setPublished(id, published, clock.millis()) == 0) {
                throw new NotFoundException("articles.notFound");
            }
        });
        log.info("User {} {} article {}", viewer.userId(), published ? "published" : "unpublished", id);
        return find(viewer, id);
    }

    /** Deletes the article with its ticket links and favourites, and returns it as it was. */
    public Article delete(Viewer viewer, long id) {
        requireManager(viewer);
        Article article = find(viewer, id);
        writer.useTransaction(handle -> {
            if (handle.attach(ArticleDao.class).delete(id) == 0) {
                throw new NotFoundException("articles.notFound");
            }
        });
        log.info("User {} deleted article {}", viewer.userId(), id);
        return article;
    }

    /** Adds a visible article to the signed-in viewer's favourites. Adding it twice changes nothing. */
    public Article favourite(Viewer viewer, long id) {
        requireSignedIn(viewer);
        Article article = find(viewer, id);
        writer.useExtension(ArticleDao.class, dao -> dao.insertFavourite(viewer.userId(), id));
        return article;
    }

    /** Removes the article from the viewer's favourites, also when the viewer may no longer see it. */
    public void unfavourite(Viewer viewer, long id) {
        requireSignedIn(viewer);
        writer.useExtension(ArticleDao.class, dao -> dao.deleteFavourite(viewer.userId(), id));
    }

    public boolean isFavourite(Viewer viewer, long id) {
        return reads.isFavourite(viewer, id);
    }

    /** Returns the pinned article (setting pinned_article) when the viewer may see it, and the viewer's favourites. */
    public HomeArticles homeArticles(Viewer viewer) {
        OptionalLong pinnedId = settings.current().pinnedArticleId();
        Article pinned = pinnedId.isPresent() ? reads.findVisible(viewer, pinnedId.getAsLong()).orElse(null) : null;
        ArticleList favourites = viewer.isSignedIn() ? reads.favouritesOf(viewer, HOME_FAVOURITES) : HomeArticles.NONE.favourites();
        return new HomeArticles(pinned, pinned == null ? "" : bodyHtml(pinned), favourites);
    }

    /** Lists the published articles of the project and of all projects that the viewer may see, by title. */
    public List<ArticleSummary> publishedFor(Viewer viewer, long productId, int limit) {
        return reads.publishedFor(viewer, productId, limit);
    }

    /** Returns the article if it is published, visible to the viewer, and for the project or for all projects. */
    public Optional<ArticleSummary> findPublishedFor(Viewer viewer, long productId, long articleId) {
        return reads.findVisible(viewer, articleId)
                .filter(article -> article.published() && (article.productId() == null || article.productId() == productId))
                .map(ArticleService::summaryOf);
    }

    /** Returns the titles of the given articles that the viewer may see, by id. */
    public Map<Long, String> titlesVisibleTo(Viewer viewer, List<Long> ids) {
        return reads.titlesVisibleTo(viewer, ids);
    }

    /**
     * Returns the access rule as an SQL condition on the alias {@code a} of the articles table and
     * adds its parameters to {@code binds}, for code that builds its own article query, such as search.
     */
    public String accessCondition(Viewer viewer, Map<String, Object> binds) {
        return ArticleReads.accessCondition(viewer, binds);
    }

    List<ArticleSummary> linkedToTicket(Viewer viewer, long ticketId) {
        return reads.linkedToTicket(viewer, ticketId);
    }

    static ArticleSummary summaryOf(Article article) {
        return new ArticleSummary(article.id(), article.title(), article.productId(), article.productName(), article.published(),
                article.createdAt(), article.updatedAt());
    }

    private static String checkTitle(String text, FieldErrors errors) {
        String title = UserText.singleLine(text);
        int length = title.codePointCount(0, title.length());
        if (length < MIN_TITLE_LENGTH || length > MAX_TITLE_LENGTH) {
            errors.add("title", "articles.title.length", MIN_TITLE_LENGTH, MAX_TITLE_LENGTH);
        }
        return title;
    }

    /** Returns the project id of the form, or null for all projects. */
    private static Long checkProduct(String text, FieldErrors errors) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        Long id = parseId(value);
        if (id == null || id <= 0) {
            errors.add("product", "articles.product.invalid");
        }
        return id;
    }

    private static void requireProduct(ArticleDao dao, Long productId) {
        if (productId != null && dao.countProduct(productId) == 0) {
            throw ValidationException.of("product", "articles.product.invalid");
        }
    }

    private static ArticleReads.ProductFilter parseFilter(String text) {
        String value = text == null ? "" : text.strip();
        if (value.equals("all")) {
            return new ArticleReads.ProductFilter(true, null);
        }
        Long id = parseId(value);
        return id == null ? ArticleReads.ProductFilter.NONE : new ArticleReads.ProductFilter(false, id);
    }

    /** Parses an id of ASCII digits, or returns null for anything else. */
    static Long parseId(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(text);
    }

    private void requireManager(Viewer viewer) {
        if (!canManage(viewer)) {
            throw new ForbiddenException("error.forbidden.level");
        }
    }

    private static void requireSignedIn(Viewer viewer) {
        if (!viewer.isSignedIn()) {
            throw new ForbiddenException("error.forbidden.level");
        }
    }
}
