package app.duet.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How every scenario prints: one line per figure, {@code bench SCENARIO METRIC VALUE UNIT}; a gate
 * is {@code bench SCENARIO gate-NAME PASS|FAIL DETAIL}, which {@code bench/run all} sums up.
 */
final class Figures {

    private Figures() {
    }

    static void line(String scenario, String metric, double value, String unit) {
        String shown = value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
        System.out.printf("bench %s %s %s %s%n", scenario, metric, shown, unit);
        System.out.flush();
    }

    static void gate(String scenario, String name, boolean pass, String detail) {
        System.out.printf("bench %s gate-%s %s %s%n", scenario, name, pass ? "PASS" : "FAIL", detail.replace(' ', '_'));
        System.out.flush();
    }

    /** Prints p50, p95, p99 and max in ms, and the count; returns p99 in ms (NaN when nothing was measured). */
    static double latencies(String scenario, String metric, Collection<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        line(scenario, metric + "-count", sorted.size(), "samples");
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        line(scenario, metric + "-p50", quantileMs(sorted, 0.50), "ms");
        line(scenario, metric + "-p95", quantileMs(sorted, 0.95), "ms");
        double p99 = quantileMs(sorted, 0.99);
        line(scenario, metric + "-p99", p99, "ms");
        line(scenario, metric + "-max", sorted.get(sorted.size() - 1) / 1e6, "ms");
        return p99;
    }

    static double quantileMs(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1))) / 1e6;
    }

    /** The machine's load average over 1, 5 and 15 minutes, as {@code uptime} shows it. */
    static void machineLoad(String scenario, String when) {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            line(scenario, "machine-load-1m-" + when, Double.parseDouble(load[0]), "runnable");
            line(scenario, "machine-load-5m-" + when, Double.parseDouble(load[1]), "runnable");
        } catch (IOException | RuntimeException unreadable) {
            System.out.println("(no /proc/loadavg: " + unreadable.getMessage() + ")");
        }
        line(scenario, "machine-cores", Runtime.getRuntime().availableProcessors(), "cores");
    }

    /** CPU time used by this JVM (the load) and by the product's processes, from one moment on. */
    static final class Cpu {
        private final List<Long> productPids;
        private final long loadStart;
        private final long productStart;
        private final long wallStart = System.nanoTime();

        Cpu(List<Long> productPids) {
            this.productPids = productPids;
            this.loadStart = ownCpuNanos();
            this.productStart = productCpuNanos();
        }

        /** Prints the load's and the product's CPU seconds over the span, the load's share, and the cores used. */
        void print(String scenario, String suffix) {
            double load = (ownCpuNanos() - loadStart) / 1e9;
            double product = (productCpuNanos() - productStart) / 1e9;
            double wall = (System.nanoTime() - wallStart) / 1e9;
            line(scenario, "load-jvm-cpu" + suffix, load, "s");
            line(scenario, "product-jvms-cpu" + suffix, product, "s");
            line(scenario, "load-jvm-cpu-share" + suffix, 100 * load / Math.max(1e-9, load + product), "%");
            line(scenario, "cores-busy-load-and-product" + suffix, (load + product) / wall, "cores");
        }

        private long productCpuNanos() {
            return productPids.stream().mapToLong(pid -> ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration())
                    .map(Duration::toNanos).orElse(0L)).sum();
        }

        private static long ownCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }
}
