package app.duet.bench;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live objects of the product's heap by class ({@code jcmd GC.class_histogram}, which collects
 * first), so a soak can say what it kept more of, not only that the heap grew.
 */
record Histogram(Map<String, Long> bytesByClass) {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

    static Histogram of(long pid) throws IOException, InterruptedException {
        String output = ProcessProbe.jcmd(pid, "GC.class_histogram");
        Map<String, Long> bytes = new HashMap<>();
        for (String line : output.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                bytes.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
            }
        }
        return new Histogram(bytes);
    }

    /** The classes whose instances grew most in bytes since {@code earlier}, largest first. */
    List<String> growthSince(Histogram earlier, int top) {
        return bytesByClass.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue() - earlier.bytesByClass.getOrDefault(entry.getKey(), 0L)))
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(top)
                .map(entry -> String.format("%+9.1f KB  %s", entry.getValue() / 1024.0, entry.getKey()))
                .toList();
    }
}
