package org.nodepoint.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nodepoint.testing.Browser;

/** The checks must report what an injection leaves in a response, and nothing on our own markup. */
class ResponseChecksTest {
    private static final String OWN_PAGE = "<!DOCTYPE html><html lang=\"en\"><head><title>Ticket</title></head><body>"
            + "<main id=\"main\"><h1>%s</h1><a href=\"/tickets?page=2\">next</a></main>"
            + "<script src=\"/webjars/app.js\"></script></body></html>";
    private static final Map<String, List<String>> HTML = Map.of("Content-Type", List.of("text/html;charset=utf-8"));

    private final ResponseChecks.Vocabulary vocabulary = new ResponseChecks.Vocabulary();

    ResponseChecksTest() {
        vocabulary.learn(page(200, HTML, OWN_PAGE.formatted("Printer jams")));
        vocabulary.learn(page(200, HTML, OWN_PAGE.formatted("<div data-sanitised-html><p>Benign article</p></div>")));
    }

    @Test
    void escaped_input_has_no_problems() {
        AttackCorpus.Input input = input("<svg onload=alert(1)>");

        List<String> problems = ResponseChecks.problems(page(200, HTML, OWN_PAGE.formatted("&lt;svg onload=alert(1)&gt;")), input, vocabulary);

        assertThat(problems).isEmpty();
    }

    @Test
    void injected_element_is_reported() {
        AttackCorpus.Input input = input("<svg onload=alert(1)>");

        List<String> problems = ResponseChecks.problems(page(200, HTML, OWN_PAGE.formatted("<svg onload=alert(1)>")), input, vocabulary);

        assertThat(problems).anyMatch(problem -> problem.contains("element <svg>"));
        assertThat(problems).anyMatch(problem -> problem.contains("event handler attribute onload"));
        assertThat(problems).anyMatch(problem -> problem.contains("the input's element is in the page"));
    }

    @Test
    void injected_link_of_our_own_kind_is_reported() {
        AttackCorpus.Input input = input("<a href=\"javascript:alert(1)\">click</a>");

        List<String> problems = ResponseChecks.problems(page(200, HTML, OWN_PAGE.formatted(input.text())), input, vocabulary);

        assertThat(problems).anyMatch(problem -> problem.contains("link that is not a site path"));
        assertThat(problems).anyMatch(problem -> problem.contains("the input's element is in the page"));
    }

    @Test
    void allowed_article_markup_has_no_problems() {
        AttackCorpus.Input input = input("<h1>Big heading</h1>");
        String article = "<div data-sanitised-html><h1>Big heading</h1><a href=\"https://example.org\" rel=\"nofollow\">x</a></div>";

        List<String> problems = ResponseChecks.problems(page(200, HTML, OWN_PAGE.formatted(article)), input, vocabulary);

        assertThat(problems).isEmpty();
    }

    @Test
    void disallowed_article_markup_is_reported() {
        AttackCorpus.Input input = input("<iframe src=//evil.example>");
        String article = "<div data-sanitised-html><iframe src=\"//evil.example\"></iframe><img src=\"x\" onerror=\"alert(1)\"></div>";

        List<String> problems = ResponseChecks.problems(page(200, HTML, OWN_PAGE.formatted(article)), input, vocabulary);

        assertThat(problems).anyMatch(problem -> problem.contains("element <iframe> that the article sanitiser does not allow"));
        assertThat(problems).anyMatch(problem -> problem.contains("attribute onerror that the article sanitiser does not allow"));
        assertThat(problems).anyMatch(problem -> problem.contains("link that the article sanitiser does not allow: src=\"//evil.example\""));
    }

    @Test
    void inline_script_is_reported() {
        AttackCorpus.Input input = input("<script>alert(1)</script>");

        List<String> problems = ResponseChecks.problems(page(200, HTML, OWN_PAGE.formatted(input.text())), input, vocabulary);

        assertThat(problems).anyMatch(problem -> problem.contains("script that is not ours"));
    }

    @Test
    void server_error_is_reported() {
        List<String> problems = ResponseChecks.problems(page(500, HTML, OWN_PAGE.formatted("Error")), input("x"), vocabulary);

        assertThat(problems).contains("status 500");
    }

    @Test
    void injected_header_and_cookie_are_reported() {
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("text/plain"), "X-Injected", List.of("1"),
                "Set-Cookie", List.of("injected=1; Path=/"));

        List<String> problems = ResponseChecks.problems(page(200, headers, ""), input("x"), vocabulary);

        assertThat(problems).anyMatch(problem -> problem.startsWith("unexpected header X-Injected"));
        assertThat(problems).anyMatch(problem -> problem.startsWith("unexpected cookie injected=1"));
    }

    @Test
    void redirect_off_the_site_is_reported() {
        for (String location : List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "/a b")) {
            Map<String, List<String>> headers = Map.of("Location", List.of(location));

            List<String> problems = ResponseChecks.problems(page(302, headers, ""), input("x"), vocabulary);

            assertThat(problems).as("Location %s", location).anyMatch(problem -> problem.startsWith("redirect off the site"));
        }
    }

    private static Browser.Page page(int status, Map<String, List<String>> headers, String body) {
        return new Browser.Page(status, body, HttpHeaders.of(headers, (name, value) -> true));
    }

    private static AttackCorpus.Input input(String text) {
        return new AttackCorpus.Input(1, text, text.getBytes(StandardCharsets.UTF_8));
    }
}
