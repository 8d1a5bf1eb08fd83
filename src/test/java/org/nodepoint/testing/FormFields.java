package org.nodepoint.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/** Reads a form of a page as a browser submits it, hidden fields and tokens included. */
public final class FormFields {
    private FormFields() {
    }

    /**
     * Returns the fields that the form posting to {@code action} submits unchanged: named inputs,
     * selected options and text areas, without disabled fields and without fields that have no name.
     */
    public static Map<String, String> of(Browser.Page page, String action) {
        Element form = Jsoup.parse(page.body()).selectFirst("form[action=\"" + action + "\"]");
        if (!(form instanceof FormElement formElement)) {
            throw new AssertionError("No form posting to " + action + " on the page:\n" + page.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        formElement.formData().forEach(field -> fields.putIfAbsent(field.key(), field.value()));
        return fields;
    }

    /** Returns the fields of the form with some values replaced or added. */
    public static Map<String, String> with(Map<String, String> fields, String... namesAndValues) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            changed.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return changed;
    }
}
