package org.nodepoint.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;

/** Loads the settings page and reads its form the way a browser would submit it unchanged. */
final class SettingsForm {
    static final String PATH = "/admin/settings";

    private SettingsForm() {
    }

    static Browser signedInAdmin(String origin) {
        Browser browser = new Browser(origin);
        browser.signIn("admin", TestNodePoint.ADMIN_PASSWORD);
        return browser;
    }

    /** Loads the page and returns its fields: text and text area values, selected options, and "on" or "off" for switches. */
    static Map<String, String> load(Browser browser) {
        Browser.Page page = browser.get(PATH);
        if (page.status() != 200) {
            throw new AssertionError("GET " + PATH + " returned " + page.status());
        }
        return values(page.body());
    }

    static Map<String, String> values(String html) {
        Element form = Jsoup.parse(html).selectFirst("form[action=" + PATH + "]");
        Map<String, String> values = new LinkedHashMap<>();
        for (Element field : form.select("input[name], select[name], textarea[name]")) {
            if (field.hasAttr("form")) {
                continue;
            }
            String name = field.attr("name");
            if (field.tagName().equals("select")) {
                Element selected = field.selectFirst("option[selected]");
                values.put(name, (selected == null ? field.selectFirst("option") : selected).attr("value"));
            } else if (field.attr("type").equals("checkbox")) {
                if (field.hasAttr("checked")) {
                    values.put(name, field.attr("value"));
                }
            } else {
                values.put(name, field.val());
            }
        }
        return values;
    }

    /** Loads the page, applies the changes to its fields and submits it. */
    static Browser.Page submit(Browser browser, Map<String, String> changes) {
        Map<String, String> values = load(browser);
        values.putAll(changes);
        return browser.post(PATH, values);
    }
}
