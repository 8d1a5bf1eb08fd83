package org.nodepoint.forms;

/** One question of a form after the title and description; positions run from 1 without gaps. */
public record FormField(int position, String question, FieldType type, boolean required) {
}
