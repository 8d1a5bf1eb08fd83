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
    void fieldsReadTheColumnOfTheSameNameInAnyCase() {
        CsvColumns columns = new CsvColumns(List.of(" Name ", "SERIAL", "notes"));

        columns.matchByName(FIELDS);

        assertThat(columns.chosen()).isEqualTo(Map.of("name", " Name ", "serial", "SERIAL"));
    }

    @Test
    void aMappingOverridesTheMatchByName() {
        CsvColumns columns = new CsvColumns(List.of("name", "display_name"));
        columns.matchByName(FIELDS);

        columns.applyMappings(Map.of("Name", "DISPLAY_NAME"), FIELDS);

        assertThat(columns.chosen()).containsEntry("name", "display_name");
    }

    @Test
    void aMappingToAnUnknownFieldListsTheKnownOnes() {
        CsvColumns columns = new CsvColumns(List.of("name"));

        assertThatThrownBy(() -> columns.applyMappings(Map.of("colour", "name"), FIELDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown field 'colour' in --map; use one of name, serial");
    }

    @Test
    void aMappingToAMissingColumnShowsTheHeader() {
        CsvColumns columns = new CsvColumns(List.of("name", "tag"));

        assertThatThrownBy(() -> columns.applyMappings(Map.of("serial", "serial_number"), FIELDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'serial_number' in --map serial=... is not in the file's header (name, tag)");
    }

    @Test
    void aRequiredFieldWithoutAColumnTellsHowToMapIt() {
        CsvColumns columns = new CsvColumns(List.of("title"));
        columns.matchByName(FIELDS);

        assertThatThrownBy(() -> columns.require("name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no name column: add --map name=COLUMN (header: title)");
    }

    @Test
    void theHeaderIsCheckedForAllNamesInAnyCase() {
        CsvColumns columns = new CsvColumns(List.of("Product_ID", "title"));

        assertThat(columns.hasAll(List.of("product_id", "TITLE"))).isTrue();
        assertThat(columns.hasAll(List.of("product_id", "release_id"))).isFalse();
    }
}
