package org.nodepoint.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Checks that run in the page the browser shows: axe-core's accessibility rules, a label on every
 * form field, and no horizontal scrolling. axe-core comes from its WebJar on the test class path
 * and is injected by the test, so the application never serves it.
 */
final class PageChecks {
    private static final String WEBJAR = "META-INF/resources/webjars/axe-core/";
    private static final String AXE_SOURCE = readAxe();

    /** Runs axe-core and returns its serious and critical violations, one line each with up to 3 of the elements. */
    private static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(result => done(result.violations
                .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
                .map(violation => violation.id + ' (' + violation.impact + '): ' + violation.help + ' at '
                    + violation.nodes.slice(0, 3).map(node => node.target.join(' ')).join(', '))))
              .catch(error => done(['axe-core failed: ' + error]));
            """;

    /** Returns the start of each form field that has no label text, no aria-label and no aria-labelledby. */
    private static final String UNLABELLED_FIELDS = """
            const ignored = ['hidden', 'submit', 'button', 'reset', 'image'];
            const hasText = element => element !== null && element.textContent.trim() !== '';
            return Array.from(document.querySelectorAll('input, select, textarea'))
              .filter(field => !ignored.includes(field.type))
              .filter(field => !Array.from(field.labels).some(hasText))
              .filter(field => (field.getAttribute('aria-label') || '').trim() === '')
              .filter(field => !(field.getAttribute('aria-labelledby') || '').split(/\\s+/)
                  .some(id => hasText(document.getElementById(id))))
              .map(field => field.outerHTML.slice(0, 160));
            """;

    /** Returns the page width and up to 5 elements that reach past the right edge of the window. */
    private static final String OVERFLOW = """
            const width = window.innerWidth;
            const wide = Array.from(document.querySelectorAll('body *'))
              .filter(element => element.getBoundingClientRect().right > width + 0.5)
              .slice(0, 5)
              .map(element => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
                  + '.' + Array.from(element.classList).join('.'));
            return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide: wide};
            """;

    private PageChecks() {
    }

    /** Returns axe-core's serious and critical violations on the current page, as readable lines. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(JavascriptExecutor page) {
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object'"))) {
            page.executeScript(AXE_SOURCE);
        }
        return (List<String>) page.executeAsyncScript(RUN_AXE);
    }

    @SuppressWarnings("unchecked")
    static List<String> unlabelledFields(JavascriptExecutor page) {
        return (List<String>) page.executeScript(UNLABELLED_FIELDS);
    }

    /** The page's full width against the window's, with elements that stick out when the page is wider. */
    record Overflow(long scrollWidth, long innerWidth, List<String> wideElements) {
        boolean scrollsSideways() {
            return scrollWidth > innerWidth;
        }
    }

    @SuppressWarnings("unchecked")
    static Overflow overflow(JavascriptExecutor page) {
        java.util.Map<String, Object> result = (java.util.Map<String, Object>) page.executeScript(OVERFLOW);
        return new Overflow(((Number) result.get("scrollWidth")).longValue(), ((Number) result.get("innerWidth")).longValue(),
                (List<String>) result.get("wide"));
    }

    /** Reads axe.min.js from the axe-core WebJar, whose version the WebJar's pom.properties names. */
    private static String readAxe() {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            pom.load(in);
            try (InputStream script = resource(WEBJAR + pom.getProperty("version") + "/axe.min.js")) {
                return new String(script.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read axe-core from its WebJar", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = PageChecks.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Test resource " + name + " not found: add org.webjars.npm:axe-core as a test dependency");
        }
        return in;
    }
}
