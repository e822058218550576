package app.duet.query.cycle;

import app.duet.api.cycle.CycleRole;
import app.duet.api.cycle.EvidenceKind;
import app.duet.api.cycle.TimelineKind;
import app.duet.api.cycle.Phase;
import app.duet.api.exercise.Lean;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The words for everything the cycle state names, in the reader's language, from the
 * {@code i18n/cycle} resource bundle, so no screen keeps a copy of its own. A language without a
 * translation falls back to English. Timeline moments and figures are listed by their kinds in
 * {@code api}, keyed by the strings the cycle state sends; bands, gaps and event types by the bundle.
 */
@RestController
@RequestMapping("/api/queries/cycle")
@Tag(name = "Cycle state", description = "The couple's negative cycle and how it is changing, rebuilt from events")
class CycleLabelsController {

    private static final String BUNDLE = "i18n/cycle";

    @GetMapping("/labels")
    @Operation(summary = "The words for the cycle state's phases, roles, leans, bands, lean gaps, timeline moments, "
            + "figures and events, in the language the request asks for (Accept-Language)")
    CycleLabels labels(Locale locale) {
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        return new CycleLabels(
                byEnum(Phase.values(), phase -> described(words, "phase." + phase)),
                byEnum(CycleRole.values(), role -> words.getString("role." + role)),
                byEnum(Lean.values(), lean -> described(words, "lean." + lean)),
                listed(words, "band."), listed(words, "gap."),
                byWireName(TimelineKind.values(), TimelineKind::wireName, words, "timeline."),
                byWireName(EvidenceKind.values(), EvidenceKind::wireName, words, "evidence."),
                listed(words, "event."));
    }

    private static Described described(ResourceBundle words, String key) {
        return new Described(words.getString(key), words.getString(key + ".about"));
    }

    private static <E extends Enum<E>, V> Map<E, V> byEnum(E[] values, Function<E, V> words) {
        Map<E, V> labels = new LinkedHashMap<>();
        Arrays.stream(values).forEach(value -> labels.put(value, words.apply(value)));
        return labels;
    }

    /** A kind the cycle state sends, keyed as it is sent: a kind with no words fails the labels' test, not the page. */
    private static <E extends Enum<E>> Map<String, String> byWireName(E[] kinds, Function<E, String> wireName,
                                                                    ResourceBundle words, String prefix) {
        Map<String, String> labels = new LinkedHashMap<>();
        Arrays.stream(kinds).forEach(kind -> labels.put(wireName.apply(kind), words.getString(prefix + wireName.apply(kind))));
        return labels;
    }

    /** Every key under the prefix, without it: the bundle is where these kinds are listed. */
    private static Map<String, String> listed(ResourceBundle words, String prefix) {
        Map<String, String> labels = new TreeMap<>();
        words.keySet().stream().filter(key -> key.startsWith(prefix))
                .forEach(key -> labels.put(key.substring(prefix.length()), words.getString(key)));
        return labels;
    }

    /**
     * The cycle state's words. Timeline moments may hold {@code {who}}, for the partner the screen names
     * ("You", a name, "Partner A"); evidence is keyed by a figure's kind, the part of its name before any ":".
     */
    public record CycleLabels(
            @Schema(description = "Each phase's name and what it means, in the phases' order")
            Map<Phase, Described> phases,
            @Schema(description = "Which way a partner moves in the loop")
            Map<CycleRole, String> roles,
            @Schema(description = "A check-in's lean and what it means")
            Map<Lean, Described> leans,
            @Schema(description = "Where a share of bids turned toward falls against the research reference, by band")
            Map<String, String> bands,
            @Schema(description = "How far apart two leans are, from 0 (the same) to 2")
            Map<String, String> gaps,
            @Schema(description = "A timeline moment by its kind; {who} stands for the partner")
            Map<String, String> timeline,
            @Schema(description = "A figure whose events can be shown, by its kind")
            Map<String, String> evidence,
            @Schema(description = "An event that can lie behind a figure, by its type")
            Map<String, String> events) {
    }

    /** A name and a sentence saying what it means. */
    public record Described(String label, String about) {
    }
}
