package app.duet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The product's JVM seen from outside, as an operator would: jcmd, its open files, its resident memory. */
final class ProcessProbe {

    private ProcessProbe() {
    }

    /** Runs a jcmd diagnostic command in the process and returns what it printed. */
    static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
        }
        return output;
    }

    static double openFiles(long pid) throws IOException {
        try (var entries = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return entries.count();
        }
    }

    /** A figure of /proc/PID/status in MB: VmRSS (all resident memory) or RssAnon (not backed by a file). */
    static double residentMb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
