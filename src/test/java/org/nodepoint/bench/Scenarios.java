package org.nodepoint.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The requests of each load scenario. Ids, pages and words come from one {@code Random(seed)}, so
 * two runs with the same seed and data send the same requests in the same order.
 */
final class Scenarios {
    static final String LIST = "list";
    static final String TICKET = "ticket";
    static final String SEARCH_RARE = "search-rare";
    static final String SEARCH_COMMON = "search-common";
    static final String API_LIST = "api-list";
    static final String API_SHOW = "api-show";
    static final String CREATE = "create";
    static final String COMMENT = "comment";
    static final String MIXED = "mixed";
    static final List<String> NAMES = List.of(LIST, TICKET, SEARCH_RARE, SEARCH_COMMON, API_LIST, API_SHOW, CREATE, COMMENT, MIXED);
    static final List<String> API_SCENARIOS = List.of(API_LIST, API_SHOW);

    /** Pages of the ticket list drawn from, as a user paging through recent work would. */
    static final int LIST_PAGES = 20;
    private static final List<String> SORTS = List.of("newest", "oldest", "updated", "priority");
    private static final List<String> PRIORITIES = List.of("Low", "Normal", "High");
    private static final List<String> WORDS = List.of("printer", "laptop", "screen", "network", "password", "account", "mailbox",
            "update", "install", "license", "server", "backup", "error", "slow", "request", "access", "folder", "meeting", "phone",
            "badge", "invoice", "report", "driver", "restart", "login", "team", "shared", "drive", "urgent", "please");
    private static final String FORM = "application/x-www-form-urlencoded";

    /**
     * Shares of the mixed scenario, in thousandths: 70% pages, 15% search, 10% API, 5% writes.
     * Pages, searches, API calls and writes are each split evenly between their two scenarios.
     */
    private static final List<String> MIXED_PARTS = List.of(LIST, TICKET, SEARCH_RARE, SEARCH_COMMON, API_LIST, API_SHOW, CREATE, COMMENT);
    private static final int[] MIXED_THOUSANDTHS = {350, 350, 75, 75, 50, 50, 25, 25};

    private final SignedInSite site;
    private final Random random;
    private final Duration timeout;
    private final String listStatus;
    private final String rareWord;
    private final String commonWord;
    private final String readKey;
    /** Words of generated titles, descriptions and comments: WORDS without the two search words. */
    private final List<String> textWords;

    Scenarios(SignedInSite site, long seed, Duration timeout, String listStatus, String rareWord, String commonWord, String readKey) {
        this.site = site;
        this.random = new Random(seed);
        this.timeout = timeout;
        this.listStatus = listStatus;
        this.rareWord = rareWord;
        this.commonWord = commonWord;
        this.readKey = readKey;
        // Written text must not contain the search words, or each write would make them more common as the run goes on.
        this.textWords = WORDS.stream().filter(word -> !word.equalsIgnoreCase(rareWord) && !word.equalsIgnoreCase(commonWord)).toList();
    }

    /** Returns the request source of a scenario named in {@link #NAMES}. */
    OpenLoopRun.RequestSource source(String name) {
        if (name.equals(MIXED)) {
            return this::mixed;
        }
        Supplier<OpenLoopRun.PlannedRequest> single = single(name);
        return single::get;
    }

    private Supplier<OpenLoopRun.PlannedRequest> single(String name) {
        return switch (name) {
            case LIST -> this::list;
            case TICKET -> this::ticket;
            case SEARCH_RARE -> () -> search(SEARCH_RARE, rareWord);
            case SEARCH_COMMON -> () -> search(SEARCH_COMMON, commonWord);
            case API_LIST -> this::apiList;
            case API_SHOW -> this::apiShow;
            case CREATE -> this::create;
            case COMMENT -> this::comment;
            default -> throw new IllegalArgumentException("Unknown scenario '" + name + "'; valid names: " + String.join(", ", NAMES));
        };
    }

    private OpenLoopRun.PlannedRequest mixed() {
        int draw = random.nextInt(1000);
        for (int part = 0; part < MIXED_PARTS.size(); part++) {
            draw -= MIXED_THOUSANDTHS[part];
            if (draw < 0) {
                return single(MIXED_PARTS.get(part)).get();
            }
        }
        throw new IllegalStateException("The mixed shares add up to less than 1000");
    }

    /**
     * Ticket list filtered by status, on half the requests also by product, in a random sort order,
     * on a random page among the first 20. The list has no assignee filter yet.
     */
    private OpenLoopRun.PlannedRequest list() {
        StringBuilder path = new StringBuilder("/tickets?status=").append(SignedInSite.encode(listStatus));
        if (random.nextBoolean()) {
            path.append("&product=").append(randomProduct());
        }
        path.append("&sort=").append(pick(SORTS)).append("&page=").append(1 + random.nextInt(LIST_PAGES));
        return read(LIST, path.toString());
    }

    private OpenLoopRun.PlannedRequest ticket() {
        return read(TICKET, "/tickets/" + randomTicketId());
    }

    private OpenLoopRun.PlannedRequest search(String label, String word) {
        return read(label, "/search?q=" + SignedInSite.encode(word));
    }

    private OpenLoopRun.PlannedRequest apiList() {
        return api(API_LIST, "/nodepoint/?api=list_tickets&product_id=" + randomProduct() + "&key=" + SignedInSite.encode(readKey));
    }

    private OpenLoopRun.PlannedRequest apiShow() {
        return api(API_SHOW, "/nodepoint/?api=show_ticket&id=" + randomTicketId() + "&key=" + SignedInSite.encode(readKey));
    }

    /** Files a ticket through the web form; a 302 means it was committed before the redirect. */
    private OpenLoopRun.PlannedRequest create() {
        String form = "productId=" + site.openProductIds.get(random.nextInt(site.openProductIds.size())) + "&release=&title=" + SignedInSite.encode("Load test: " + words(6))
                + "&description=" + SignedInSite.encode(words(40)) + "&priority=" + pick(PRIORITIES) + "&_csrf="
                + SignedInSite.encode(site.csrfToken);
        return post(CREATE, "/tickets", form);
    }

    private OpenLoopRun.PlannedRequest comment() {
        String form = "comment=" + SignedInSite.encode("Load test comment: " + words(20)) + "&_csrf=" + SignedInSite.encode(site.csrfToken);
        return post(COMMENT, "/tickets/" + randomTicketId() + "/comments", form);
    }

    private OpenLoopRun.PlannedRequest read(String label, String pathAndQuery) {
        return new OpenLoopRun.PlannedRequest(label, signedIn(pathAndQuery).GET().build(), 200, null);
    }

    /** The legacy API sends no cookie, and it returns errors with HTTP 200, so the body must carry status OK. */
    private OpenLoopRun.PlannedRequest api(String label, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(timeout).GET().build();
        return new OpenLoopRun.PlannedRequest(label, request, 200, "\"status\": \"OK\"");
    }

    private OpenLoopRun.PlannedRequest post(String label, String path, String form) {
        HttpRequest request = signedIn(path).header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return new OpenLoopRun.PlannedRequest(label, request, 302, null);
    }

    private HttpRequest.Builder signedIn(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(timeout).header("Cookie", SignedInSite.SESSION_COOKIE + "=" + site.sessionCookie);
    }

    private URI uri(String pathAndQuery) {
        return site.baseUri.resolve(pathAndQuery);
    }

    private long randomProduct() {
        return site.productIds.get(random.nextInt(site.productIds.size()));
    }

    private long randomTicketId() {
        return 1 + (long) (random.nextDouble() * site.maxTicketId);
    }

    private String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(pick(textWords));
        }
        return text.toString();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
