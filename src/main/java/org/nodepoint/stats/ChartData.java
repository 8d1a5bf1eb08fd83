package org.nodepoint.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The numbers of one chart as JSON, for the {@code data-chart} attribute that static/js/statistics.js
 * reads. The template writes the JSON as an attribute value, which jte escapes like any other
 * attribute, so no text in it can end the attribute or the element.
 */
record ChartData(String label, List<String> labels, List<Long> values) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException failure) {
            throw new IllegalStateException("Failed to write the chart data of " + label + " as JSON", failure);
        }
    }
}
