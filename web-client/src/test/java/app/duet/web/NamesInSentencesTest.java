package app.duet.web;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A name (or words a partner wrote) inside a sentence on the page sits in a bdi, through dom.js's
 * named`…`: written into a template string instead, a name in a right-to-left script reorders the
 * words around it. Read out (announce), asked (confirm) or an aria-label, a sentence stays a string:
 * no bidi reordering applies there.
 */
class NamesInSentencesTest {

    /** What a page calls a person, or a partner's own words, inside a ${…}. */
    private static final Pattern NAME = Pattern.compile("nameOf\\(|partnerName\\(|otherName|displayName|therapistName"
            + "|^(?:[\\w?.]+\\.)?names?$|^other$|^inSentence$|\\.(?:smallerStep|behaviour|words)$");
    /** A variable given a name: const from = nameOf(…), const who = partnerName(…), const to = x.displayName. */
    private static final Pattern NAME_VARIABLE = Pattern.compile(
            "(?:const|let)\\s+(\\w+)\\s*=\\s*[^;]*?(?:nameOf\\(|partnerName\\(|displayName|therapistName)");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^{}]*)}");
    /** Beside a ${…}, what makes it part of a sentence rather than of an id, a class or an address. */
    private static final Pattern IN_A_SENTENCE = Pattern.compile("[\\s\\p{L}’'.,:;!?“”()]");
    /** Words read out, asked or given as a label (a console item's said: is read out), never laid out. */
    private static final Pattern NOT_LAID_OUT = Pattern.compile("announce\\(|confirm\\(|'aria-label'|\\bsaid: ");
    /** A line that goes on with the statement above it. */
    private static final Pattern CONTINUED = Pattern.compile("\\s*[?:+.].*");
    /** Functions whose sentences are only read out or asked, never shown. */
    private static final Map<String, String> SAID_ONLY = Map.of("presence.js", "presenceNews", "lists/lists.js", "drop");

    @Test
    void namesInsideSentencesOnThePageAreIsolated() throws Exception {
        Path js = Path.of(NamesInSentencesTest.class.getResource("/static/js").toURI());
        List<String> scanned = new ArrayList<>();
        List<String> unisolated = new ArrayList<>();
        try (Stream<Path> files = Files.walk(js)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".js")).sorted().toList()) {
                String module = js.relativize(file).toString().replace('\\', '/');
                scanned.add(module);
                unisolated.addAll(unisolatedNames(module, Files.readAllLines(file)));
            }
        }

        assertThat(scanned).contains("dom.js", "session/bid.js", "presence.js", "pairing/today.js");
        assertThat(unisolated).as("names written into sentences shown on the page: use named`…` from dom.js").isEmpty();
    }

    @Test
    void aNameWrittenIntoASentenceIsFoundAndOneInABdiOrReadOutIsNot() {
        assertThat(unisolatedNames("session/bid.js", List.of(
                "footer = h('p', {}, toMe ? 'Not answered.' : `Waiting for ${nameOf(bid.toPartnerId)}.`);",
                "const who = partnerName(partner.displayName);",
                "name.textContent = `${who}'s step`;",
                "footer = h('p', {}, toMe ? 'Not answered.' : named`Waiting for ${nameOf(bid.toPartnerId)}.`);",
                "announce(`${nameOf(bid.fromPartnerId)} made a bid.`);",
                "const id = `entry-${name}`;")))
                .hasSize(2).allSatisfy(found -> assertThat(found).matches("session/bid\\.js:[13]: .*"));
    }

    private static List<String> unisolatedNames(String module, List<String> lines) {
        Set<String> nameVariables = new HashSet<>();
        lines.forEach(line -> {
            Matcher assigned = NAME_VARIABLE.matcher(line);
            while (assigned.find()) {
                nameVariables.add(assigned.group(1));
            }
        });
        List<String> found = new ArrayList<>();
        String saidOnlyEnd = null;
        boolean notLaidOut = false;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.trim().startsWith("*") || line.trim().startsWith("//")) {
                continue;
            }
            if (saidOnlyEnd != null) {
                saidOnlyEnd = line.equals(saidOnlyEnd) ? null : saidOnlyEnd;
                continue;
            }
            if (SAID_ONLY.containsKey(module) && line.matches("\\s*(?:async )?function " + SAID_ONLY.get(module) + "\\(.*")) {
                saidOnlyEnd = line.substring(0, line.indexOf(line.trim())) + "}";
                continue;
            }
            notLaidOut = NOT_LAID_OUT.matcher(line).find() || notLaidOut && CONTINUED.matcher(line).matches();
            if (notLaidOut) {
                continue;
            }
            Matcher interpolation = INTERPOLATION.matcher(line);
            while (interpolation.find()) {
                String held = interpolation.group(1).trim();
                boolean aName = NAME.matcher(held).find() || nameVariables.contains(held);
                if (aName && !isolated(line, interpolation.start()) && inASentence(line, interpolation.start(), interpolation.end())) {
                    found.add(module + ":" + (n + 1) + ": " + line.trim());
                }
            }
        }
        return found;
    }

    /** In a named`…` template: the backtick that opens it (the nearest one before) follows "named". */
    private static boolean isolated(String line, int start) {
        int opening = line.lastIndexOf('`', start);
        return opening >= "named".length() && line.startsWith("named", opening - "named".length());
    }

    private static boolean inASentence(String line, int start, int end) {
        return start > 0 && IN_A_SENTENCE.matcher(line.substring(start - 1, start)).matches()
                || end < line.length() && IN_A_SENTENCE.matcher(line.substring(end, end + 1)).matches();
    }
}
