package org.nodepoint.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ArticleMarkdownTest {
    private final ArticleMarkdown markdown = new ArticleMarkdown();

    /** Markdown and raw HTML that try to run script, load a frame or carry a script URL. */
    private static final List<String> HOSTILE = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//x.test/x.js></SCRIPT>",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[x](DATA:text/html,<script>alert(1)</script>)",
            "![i](javascript:alert(1))",
            "![i](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
            "[x]: javascript:alert(1)\n\n[link][x]",
            "<img src=x onerror=alert(1)>",
            "<img src=\"data:image/png;base64,iVBORw0KGgo=\">",
            "<a href=\"jav&#x09;ascript:alert(1)\">tab</a>",
            "<a href=\"jav&#x0A;ascript:alert(1)\">newline</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">decimal</a>",
            "<a href=\"&#x6A;avascript:alert(1)\">hex</a>",
            "<a href=\"  javascript:alert(1)\">spaces</a>",
            "<a href=\"dAtA:text/html,x\">odd case</a>",
            "<a href=\"&#100;ata:text/html,x\">entity data</a>",
            "<svg onload=alert(1)><script>alert(1)</script></svg>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<iframe src=\"https://x.test\"></iframe>",
            "<style>body{background:url(javascript:alert(1))}</style>",
            "<p style=\"background:url(javascript:alert(1))\">styled</p>",
            "<div onclick=alert(1)>click</div>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<form action=\"javascript:alert(1)\"><input type=submit></form>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"javascript:alert(1)//\">",
            "**<img src=x onerror=alert(1)>**",
            "[<img src=x onerror=alert(1)>](https://example.org)",
            "[a](https://example.org \"x\\\" onmouseover=\\\"alert(1)\")",
            "`<script>alert(1)</script>`",
            "<a href=\"https://example.org\" onmouseover=\"alert(1)\" target=\"_blank\">hover</a>",
            "<<script>script>alert(1)<</script>/script>",
            "<scr<script>ipt>alert(1)</script>",
            "<!-- <script>alert(1)</script> -->",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<a href=\"java\u0000script:alert(1)\">nul</a>",
            "<table><tr><td background=\"javascript:alert(1)\">cell</td></tr></table>",
            "[x](//evil.example/path)",
            "<a href=\"\\\\evil.example\">backslashes</a>");

    @Test
    void hostile_corpus_keeps_no_script() {
        for (String input : HOSTILE) {
            String html = markdown.toSafeHtml(input);
            Document document = Jsoup.parseBodyFragment(html);

            assertThat(document.select("script, style, iframe, object, embed, form, input, meta, base, svg, math, noscript"))
                    .as("elements of %s", input).isEmpty();
            for (Element element : document.getAllElements()) {
                element.attributes().forEach(attribute -> {
                    assertThat(attribute.getKey()).as("attribute of %s", input).doesNotStartWith("on").isNotEqualTo("style");
                    String value = attribute.getValue().replaceAll("[\\s\\u0000]", "").toLowerCase();
                    assertThat(value).as("attribute value of %s", input)
                            .doesNotContain("javascript:").doesNotContain("vbscript:").doesNotStartWith("data:")
                            .doesNotStartWith("//").doesNotStartWith("\\\\");
                });
            }
            assertThat(html.toLowerCase()).as("output of %s", input).doesNotContain("<script").doesNotContain("javascript:");
        }
    }

    @Test
    void links_get_nofollow_noopener_noreferrer() {
        String html = markdown.toSafeHtml("[site](https://example.org/page)");

        Element link = Jsoup.parseBodyFragment(html).selectFirst("a");
        assertThat(link).isNotNull();
        assertThat(link.attr("href")).isEqualTo("https://example.org/page");
        assertThat(link.attr("rel").split(" ")).contains("nofollow", "noopener", "noreferrer");
    }

    @Test
    void markdown_formatting_survives() {
        String html = markdown.toSafeHtml("# Title\n\nSome *emphasis* and **strong**.\n\n- one\n- two\n\n"
                + "| a | b |\n|---|--:|\n| 1 | 2 |\n\n```java\nint x;\n```\n\n![logo](/static/logo.png)");
        Document document = Jsoup.parseBodyFragment(html);

        assertThat(document.select("h1").text()).isEqualTo("Title");
        assertThat(document.select("em").text()).isEqualTo("emphasis");
        assertThat(document.select("strong").text()).isEqualTo("strong");
        assertThat(document.select("li")).hasSize(2);
        assertThat(document.select("table td")).hasSize(2);
        assertThat(document.select("code.language-java").text()).isEqualTo("int x;");
        assertThat(document.select("img").attr("src")).isEqualTo("/static/logo.png");
    }

    @Test
    void images_only_from_this_site() {
        String html = markdown.toSafeHtml("![a](https://evil.example/track.png) ![b](//evil.example/t.png) ![c](/static/logo.png)");

        assertThat(Jsoup.parseBodyFragment(html).select("img[src]").eachAttr("src")).containsExactly("/static/logo.png");
    }

    @Test
    void script_link_keeps_its_text() {
        String html = markdown.toSafeHtml("[click here](javascript:alert(1))");

        Document document = Jsoup.parseBodyFragment(html);
        assertThat(document.text()).isEqualTo("click here");
        assertThat(document.select("a[href]")).isEmpty();
    }
}
