package org.nodepoint.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;

/** The statistics page in Chromium: Chart.js draws both charts from the page's data under the page's CSP. */
class StatisticsBrowserTest extends ChromiumTest {
    /** Returns the numbers that Chart.js holds for the canvas, and whether any of its pixels is painted. */
    private static final String CHART_STATE = """
            const canvas = document.getElementById(arguments[0]);
            const chart = Chart.getChart(canvas);
            if (!chart) { return null; }
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            return {values: chart.data.datasets[0].data, painted: pixels.some(value => value !== 0)};
            """;

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void chartsDrawTheTicketCounts(Viewport viewport) {
        use(viewport);
        Product printers = node.product("Printers", "Public");
        node.ticket(node.admin(), printers, "Toner empty", "The second floor printer is out of toner.");
        node.ticket(node.admin(), printers, "Paper jam", "Tray 2 jams on every page.");
        signIn("admin", TestNodePoint.ADMIN_PASSWORD);

        open("/stats");

        assertThat(sumOf(chart("created-chart"))).isEqualTo(2);
        assertThat(sumOf(chart("status-chart"))).isEqualTo(2);
        assertThat(mainText()).contains("Statistics");
    }

    private Map<?, ?> chart(String id) {
        Object state = driver.executeScript(CHART_STATE, id);
        assertThat(state).as("a Chart.js chart on #%s", id).isInstanceOf(Map.class);
        Map<?, ?> chart = (Map<?, ?>) state;
        assertThat(chart.get("painted")).as("pixels painted on #%s", id).isEqualTo(true);
        return chart;
    }

    private static long sumOf(Map<?, ?> chart) {
        return ((List<?>) chart.get("values")).stream().mapToLong(value -> ((Number) value).longValue()).sum();
    }
}
