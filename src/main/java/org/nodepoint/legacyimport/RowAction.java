package org.nodepoint.legacyimport;

/** Imports one 1.x row, counting it in the report as imported or skipped. */
@FunctionalInterface
interface RowAction {
    void apply(LegacyRow row, TableReport report);
}
