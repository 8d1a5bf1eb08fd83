package org.nodepoint.csv;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The header of a CSV file being imported, and which of its columns feeds each field. Column names
 * match fields without regard to case or surrounding spaces; {@code --map field=column} entries
 * override those matches. Errors are IllegalArgumentExceptions whose message names the bad mapping
 * and lists what is allowed.
 */
public final class CsvColumns {
    private final List<String> header;
    private final Map<String, String> byLowerName = new HashMap<>();
    private final Map<String, String> columns = new LinkedHashMap<>();

    public CsvColumns(List<String> header) {
        this.header = List.copyOf(header);
        header.forEach(column -> byLowerName.putIfAbsent(lower(column), column));
    }

    /** Returns the header's spelling of the column with this name, in any case. */
    public Optional<String> named(String name) {
        return Optional.ofNullable(byLowerName.get(lower(name)));
    }

    /** True when the header has every one of these columns, in any case. */
    public boolean hasAll(Collection<String> names) {
        return names.stream().allMatch(name -> byLowerName.containsKey(lower(name)));
    }

    /** Makes {@code column} feed {@code field}, in place of any earlier choice. */
    public void feed(String field, String column) {
        columns.put(field, column);
    }

    /** Makes each field that no column feeds yet read the column of the same name, when there is one. */
    public void matchByName(Collection<String> fields) {
        for (String field : fields) {
            if (!columns.containsKey(field)) {
                named(field).ifPresent(column -> columns.put(field, column));
            }
        }
    }

    /** Applies the {@code --map field=column} entries, which must name known fields and existing columns. */
    public void applyMappings(Map<String, String> mappings, Collection<String> fields) {
        for (Map.Entry<String, String> mapping : mappings.entrySet()) {
            String field = lower(mapping.getKey());
            if (!fields.contains(field)) {
                throw new IllegalArgumentException("unknown field '" + mapping.getKey() + "' in --map; use one of "
                        + String.join(", ", fields.stream().sorted().toList()));
            }
            String column = named(mapping.getValue()).orElseThrow(() -> new IllegalArgumentException("column '" + mapping.getValue()
                    + "' in --map " + mapping.getKey() + "=... is not in the file's header (" + String.join(", ", header) + ")"));
            columns.put(field, column);
        }
    }

    /** Throws an IllegalArgumentException that shows how to map the field when no column feeds it. */
    public void require(String field) {
        if (!columns.containsKey(field)) {
            throw new IllegalArgumentException("no " + field + " column: add --map " + field + "=COLUMN (header: "
                    + String.join(", ", header) + ")");
        }
    }

    /** Returns the column that feeds each field. */
    public Map<String, String> chosen() {
        return Map.copyOf(columns);
    }

    private static String lower(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
