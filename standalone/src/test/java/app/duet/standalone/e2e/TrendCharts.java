package app.duet.standalone.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The cycle page's week-by-week charts, checked against what the API gives for the same weeks. */
final class TrendCharts {

    private TrendCharts() {
    }

    /**
     * The cycle page's trend charts, one screenshot each page ({@code *-cycle-trends}); each chart's table
     * holds the same weekly figures as the API, which the page's own client asks for here.
     */
    static void showTheWeeksTheApiGives(Page page, Runnable screenshot) {
        Locator trends = page.locator(".cycle-trends .trends-block");
        assertThat(trends.locator("figure.trend")).hasCount(5);
        trends.scrollIntoViewIfNeeded();
        screenshot.run();
        String source = page.locator(".cycle-trends").getAttribute("data-source");
        Map<String, Object> api = asMap(page.evaluate("path => import('/js/api.js').then(api => api.query(path))", source));
        List<?> weeks = (List<?>) api.get("weeks");
        List<?> partnerIds = (List<?>) api.get("partnerIds");
        assertThat(weeks).isNotEmpty();
        for (Object each : weeks.subList(Math.max(0, weeks.size() - 12), weeks.size())) {
            Map<String, Object> week = asMap(each);
            List<String> towards = new ArrayList<>();
            for (Object id : partnerIds) {
                Map<String, Object> partner = ((List<?>) week.get("partners")).stream().map(TrendCharts::asMap)
                        .filter(p -> id.equals(p.get("partnerId"))).findFirst().orElseThrow();
                towards.add(number(partner.get("toward")) + "/" + number(partner.get("settled")));
            }
            Map<String, List<String>> expected = Map.of(
                    "toward", towards,
                    "lean-gap", List.of(week.get("leanGap") == null ? "" : number(week.get("leanGap"))),
                    "moments", List.of(number(week.get("warm")), number(week.get("hard"))),
                    "checkpoints", List.of(number(week.get("checkpointsKept")) + "/" + number(week.get("checkpointsReviewed"))),
                    "phase", List.of(String.valueOf(week.get("phase"))));
            expected.forEach((chart, values) -> assertThat(trends.locator("figure[data-trend='" + chart + "'] tr[data-week='"
                    + week.get("weekOf") + "'] td").evaluateAll("cells => cells.map(cell => cell.dataset.value)"))
                    .as("%s, week of %s", chart, week.get("weekOf")).isEqualTo(values));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }

    /** A figure as the page writes it: whole numbers without a decimal point, as JavaScript does. */
    private static String number(Object value) {
        double n = ((Number) value).doubleValue();
        return n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n);
    }
}
