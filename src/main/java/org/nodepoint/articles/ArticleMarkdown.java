package org.nodepoint.articles;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders the Markdown body of an article to HTML that is safe to insert into a page unescaped.
 * commonmark-java turns the Markdown into HTML and passes raw HTML through, and then the OWASP
 * sanitiser keeps only the elements and attributes of an allow-list. Links keep http, https and
 * mailto URLs, paths of this site and fragments, and images keep paths of this site only, so that
 * an article cannot make its readers' browsers fetch from another host. {@code javascript:},
 * {@code vbscript:}, {@code data:} and protocol-relative ({@code //host}) URLs are dropped however
 * they are spelt. Every kept link gets rel="nofollow noopener noreferrer". The result of
 * {@link #toSafeHtml} is the only text that a template may print with {@code $unsafe}.
 */
public final class ArticleMarkdown {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Pattern ALIGNMENT = Pattern.compile("left|center|right");
    private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+-]{1,40}");
    private static final Pattern LIST_START = Pattern.compile("[0-9]{1,9}");
    /** A link target: an absolute http, https or mailto URL, a path of this site, or a fragment. */
    private static final Pattern LINK_TARGET = Pattern.compile("(?i)(https?://|mailto:|/(?![/\\\\])|#)[^\\s]*");
    /** An image source: a path of this site, never another host. */
    private static final Pattern IMAGE_SOURCE = Pattern.compile("/(?![/\\\\])[^\\s]*");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em", "strong", "del", "ul", "ol", "li",
                    "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "a", "img")
            .allowStandardUrlProtocols()
            .allowAttributes("href").matching(LINK_TARGET).onElements("a")
            .allowAttributes("title").onElements("a")
            .allowAttributes("src").matching(IMAGE_SOURCE).onElements("img")
            .allowAttributes("alt", "title").onElements("img")
            .allowAttributes("align").matching(ALIGNMENT).onElements("th", "td")
            .allowAttributes("class").matching(CODE_LANGUAGE).onElements("code")
            .allowAttributes("start").matching(LIST_START).onElements("ol")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    /** Renders the Markdown and sanitises the HTML, raw HTML of the Markdown included. */
    public String toSafeHtml(String markdown) {
        String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        return POLICY.sanitize(html);
    }
}
