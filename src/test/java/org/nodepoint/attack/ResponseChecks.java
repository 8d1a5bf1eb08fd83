package org.nodepoint.attack;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.nodepoint.testing.Browser;

/**
 * Checks one response to a hostile input: no server error, no header that the input added, and
 * no element, attribute or link in the HTML that the input introduced. What counts as our own
 * markup is learned from the same pages rendered with benign values.
 */
final class ResponseChecks {
    /** Every header that NodePoint or Jetty sends, in lower case as java.net.http reports them. */
    private static final Set<String> KNOWN_HEADERS = Set.of("date", "content-type", "content-length", "location", "set-cookie",
            "content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy", "cache-control", "etag",
            "retry-after", "expires", "vary", "connection", "transfer-encoding", "content-disposition");
    /** Our cookies: the session, the guest's CSRF cookie and the URL-encoded flash message. */
    private static final Pattern OUR_COOKIE = Pattern.compile("(np_session|np_guest|np_flash)=[A-Za-z0-9_.*+%-]*(;[ -~]*)?");
    /** A local redirect target: one leading slash, then printable ASCII without spaces. */
    private static final Pattern LOCAL_LOCATION = Pattern.compile("/(?![/\\\\])[!-~]*|/");
    /** A link in our markup: a site path, a fragment or a query string, with no spaces or control characters. */
    private static final Pattern LOCAL_LINK = Pattern.compile("(/(?![/\\\\])|#|\\?)[^\\s\\p{Cntrl}]*|/");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href", "data", "poster",
            "background", "srcdoc", "srcset");

    /** The attribute that marks a container of sanitised article HTML. */
    static final String SANITISED_HTML = "data-sanitised-html";
    /** The elements and attributes that ArticleMarkdown keeps, and the links it allows. */
    private static final Set<String> SANITISED_TAGS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em",
            "strong", "del", "ul", "ol", "li", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "a", "img");
    private static final Set<String> SANITISED_ATTRIBUTES = Set.of("href", "title", "rel", "src", "alt", "align", "class", "start");
    private static final Pattern SANITISED_LINK = Pattern.compile("(?i)(https?://|mailto:|/(?![/\\\\])|#)[^\\s\\p{Cntrl}]*");

    /** The tag and attribute names and script sources of our own pages. */
    static final class Vocabulary {
        private final Set<String> tags = new TreeSet<>();
        private final Set<String> attributes = new TreeSet<>();
        private final Set<String> scriptSources = new TreeSet<>();

        /** Adds the names that a page rendered from benign values uses. */
        void learn(Browser.Page page) {
            if (!isHtml(page)) {
                return;
            }
            for (Element element : Jsoup.parse(page.body()).getAllElements()) {
                tags.add(element.normalName());
                element.attributes().forEach(attribute -> attributes.add(attribute.getKey()));
                if (element.normalName().equals("script")) {
                    scriptSources.add(element.attr("src"));
                }
            }
        }

        @Override
        public String toString() {
            return "tags " + tags + ", attributes " + attributes + ", scripts " + scriptSources;
        }
    }

    private ResponseChecks() {
    }

    /** Returns a description of each problem, or an empty list. */
    static List<String> problems(Browser.Page page, AttackCorpus.Input input, Vocabulary vocabulary) {
        return problems(page, List.of(input), vocabulary);
    }

    /** Checks a page that may show any of {@code inputs}, such as a ticket with a batch of stored comments. */
    static List<String> problems(Browser.Page page, List<AttackCorpus.Input> inputs, Vocabulary vocabulary) {
        List<String> problems = new ArrayList<>();
        if (page.status() >= 500) {
            problems.add("status " + page.status());
        }
        checkHeaders(page.headers(), problems);
        if (isHtml(page)) {
            Document document = Jsoup.parse(page.body());
            checkMarkup(document, vocabulary, problems);
            inputs.forEach(input -> checkInputElements(document, input, problems));
        }
        return problems;
    }

    static boolean isHtml(Browser.Page page) {
        return page.headers().firstValue("Content-Type").orElse("").startsWith("text/html") && !page.body().isEmpty();
    }

    private static void checkHeaders(HttpHeaders headers, List<String> problems) {
        for (Map.Entry<String, List<String>> header : headers.map().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals(":status")) {
                continue;
            }
            if (!KNOWN_HEADERS.contains(name)) {
                problems.add("unexpected header " + header.getKey() + ": " + header.getValue());
            }
            for (String value : header.getValue()) {
                if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7F)) {
                    problems.add("control character in header " + name + ": " + value);
                }
            }
        }
        for (String cookie : headers.allValues("set-cookie")) {
            if (!OUR_COOKIE.matcher(cookie).matches()) {
                problems.add("unexpected cookie " + cookie);
            }
        }
        headers.firstValue("location").ifPresent(location -> {
            if (!LOCAL_LOCATION.matcher(location).matches()) {
                problems.add("redirect off the site or with unsafe characters: " + location);
            }
        });
    }

    private static void checkMarkup(Document document, Vocabulary vocabulary, List<String> problems) {
        for (Element element : document.getAllElements()) {
            if (isInsideSanitisedHtml(element)) {
                checkSanitisedElement(element, problems);
                continue;
            }
            String tag = element.normalName();
            if (!vocabulary.tags.contains(tag)) {
                problems.add("element <" + tag + "> that our pages do not use");
            }
            if (tag.equals("script") && (!vocabulary.scriptSources.contains(element.attr("src")) || !element.data().isEmpty())) {
                problems.add("script that is not ours: " + element.outerHtml());
            }
            for (Attribute attribute : element.attributes()) {
                checkAttribute(element, attribute, vocabulary, problems);
            }
        }
    }

    private static void checkAttribute(Element element, Attribute attribute, Vocabulary vocabulary, List<String> problems) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        if (name.startsWith("on")) {
            problems.add("event handler attribute " + name + " on <" + element.normalName() + ">");
        } else if (!vocabulary.attributes.contains(attribute.getKey())) {
            problems.add("attribute " + attribute.getKey() + " that our pages do not use, on <" + element.normalName() + ">");
        }
        if (URL_ATTRIBUTES.contains(name) && !LOCAL_LINK.matcher(attribute.getValue()).matches()) {
            problems.add("link that is not a site path: " + name + "=\"" + attribute.getValue() + "\" on <" + element.normalName() + ">");
        }
    }

    /**
     * Returns true inside a container marked {@value #SANITISED_HTML}: an article body, whose
     * Markdown may add headings, lists, tables and links that our other pages never use.
     */
    private static boolean isInsideSanitisedHtml(Element element) {
        return element.parents().stream().anyMatch(parent -> parent.hasAttr(SANITISED_HTML));
    }

    /** Checks an element of sanitised HTML against the allow-list of ArticleMarkdown instead of our own vocabulary. */
    private static void checkSanitisedElement(Element element, List<String> problems) {
        if (!SANITISED_TAGS.contains(element.normalName())) {
            problems.add("element <" + element.normalName() + "> that the article sanitiser does not allow");
        }
        for (Attribute attribute : element.attributes()) {
            String name = attribute.getKey().toLowerCase(Locale.ROOT);
            if (!SANITISED_ATTRIBUTES.contains(name)) {
                problems.add("attribute " + name + " that the article sanitiser does not allow, on <" + element.normalName() + ">");
            }
            if (URL_ATTRIBUTES.contains(name) && !SANITISED_LINK.matcher(attribute.getValue()).matches()) {
                problems.add("link that the article sanitiser does not allow: " + name + "=\"" + attribute.getValue() + "\"");
            }
        }
    }

    /**
     * Parses the input as an HTML fragment and reports each of its elements that appears in the
     * page with the same attributes, or with the same text when it has no attributes. An escaped
     * input shows up as text only, so none of its elements can match.
     */
    private static void checkInputElements(Document page, AttackCorpus.Input input, List<String> problems) {
        if (input.text().indexOf('<') < 0) {
            return;
        }
        for (Element injected : Jsoup.parseBodyFragment(input.text()).body().getAllElements()) {
            if (injected.normalName().equals("body")) {
                continue;
            }
            boolean hasAttributes = injected.attributesSize() > 0;
            String text = injected.ownText();
            if (!hasAttributes && text.isBlank()) {
                continue;
            }
            for (Element candidate : page.getElementsByTag(injected.normalName())) {
                if (isInsideSanitisedHtml(candidate)) {
                    // Markdown articles may contain allowed HTML such as a heading, which checkSanitisedElement checks.
                    continue;
                }
                boolean sameAttributes = hasAttributes && injected.attributes().asList().stream()
                        .allMatch(attribute -> candidate.hasAttr(attribute.getKey()) && candidate.attr(attribute.getKey()).equals(attribute.getValue()));
                boolean sameText = !hasAttributes && candidate.ownText().equals(text);
                if (sameAttributes || sameText) {
                    problems.add("the input's element is in the page: " + candidate.outerHtml());
                    return;
                }
            }
        }
    }
}
