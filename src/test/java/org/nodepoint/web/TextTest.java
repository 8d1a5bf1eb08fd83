package org.nodepoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nodepoint.config.Terminology;
import org.nodepoint.errors.FieldErrors;

class TextTest {
    private final Text text = new Text(Locale.ENGLISH);

    @Test
    void default_terms_keep_current_wording() {
        assertThat(text.plain("nav.projects")).isEqualTo("Projects");
        assertThat(text.plain("projects.name.taken")).isEqualTo("A project with this name already exists.");
        assertThat(text.plain("projects.release.taken")).isEqualTo("This project already has a release with this version.");
        assertThat(text.plain("tickets.release.invalid")).isEqualTo("Choose one of the project's releases.");
        assertThat(text.plain("projects.created", "Laptops")).isEqualTo("Project Laptops created.");
    }

    @Test
    void other_terms_replace_words() {
        Text assets = text.withTerms(Terminology.ASSETS);

        assertThat(assets.plain("nav.projects")).isEqualTo("Assets");
        assertThat(assets.plain("projects.model")).isEqualTo("Type");
        assertThat(assets.plain("projects.name.taken")).isEqualTo("An asset with this name already exists.");
        assertThat(assets.plain("projects.release.taken")).isEqualTo("This asset already has an instance with this version.");
        assertThat(assets.plain("projects.release.added", "2.0")).isEqualTo("Instance 2.0 added.");
    }

    @Test
    void every_terminology_has_every_word() {
        for (Terminology terminology : Terminology.values()) {
            Text terms = text.withTerms(terminology);

            assertThat(terms.plain("projects.release.taken")).as(terminology.name()).doesNotContain("{").doesNotContain("[");
            assertThat(terms.plain("terms." + terminology.id() + ".label")).as(terminology.name()).doesNotStartWith("[");
        }
    }

    @Test
    void numbered_placeholders_still_fill() {
        assertThat(text.withTerms(Terminology.PROJECTS).plain("tickets.new.forProduct", "Apollo"))
                .isEqualTo("Project: <strong>Apollo</strong>.");
    }

    @Test
    void label_argument_is_looked_up() {
        String message = text.plain("settings.invalid.number", new FieldErrors.Label("settings.page_len"), 5, 500);

        assertThat(message).isEqualTo("Rows per page must be a whole number from 5 to 500.");
    }
}
