package org.nodepoint.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvColumnsTest {
    private static final Set<String> FIELDS = Set.of("name", "serial");

    @Test
    void columns_match_fields_in_any_case() {
        CsvColumns columns = new CsvColumns(List.of(" Name ", "SERIAL", "notes"));

        columns.matchByName(FIELDS);

        assertThat(columns.chosen()).isEqualTo(Map.of("name", " Name ", "serial", "SERIAL"));
    }

    @Test
    void mapping_overrides_name_match() {
        CsvColumns columns = new CsvColumns(List.of("name", "display_name"));
        columns.matchByName(FIELDS);

        columns.applyMappings(Map.of("Name", "DISPLAY_NAME"), FIELDS);

        assertThat(columns.chosen()).containsEntry("name", "display_name");
    }

    @Test
    void mapping_to_unknown_field_lists_fields() {
        CsvColumns columns = new CsvColumns(List.of("name"));

        assertThatThrownBy(() -> columns.applyMappings(Map.of("colour", "name"), FIELDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown field 'colour' in --map; use one of name, serial");
    }

    @Test
    void mapping_to_missing_column_shows_header() {
        CsvColumns columns = new CsvColumns(List.of("name", "tag"));

        assertThatThrownBy(() -> columns.applyMappings(Map.of("serial", "serial_number"), FIELDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'serial_number' in --map serial=... is not in the file's header (name, tag)");
    }

    @Test
    void required_field_without_column_explains_mapping() {
        CsvColumns columns = new CsvColumns(List.of("title"));
        columns.matchByName(FIELDS);

        assertThatThrownBy(() -> columns.require("name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no name column: add --map name=COLUMN (header: title)");
    }

    @Test
    void header_has_all_names_in_any_case() {
        CsvColumns columns = new CsvColumns(List.of("Product_ID", "title"));

        assertThat(columns.hasAll(List.of("product_id", "TITLE"))).isTrue();
        assertThat(columns.hasAll(List.of("product_id", "release_id"))).isFalse();
    }
}
