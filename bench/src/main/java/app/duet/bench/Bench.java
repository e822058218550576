package app.duet.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Picks the scenario: {@code --scenario=live} (the default, {@link LiveCouplesBench}),
 * {@code --scenario=restart} ({@link RestartBench}) or {@code --scenario=soak} ({@link SoakBench}). Every figure is printed as
 * {@code bench SCENARIO METRIC VALUE UNIT}, or in the scenario's own table.
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        String scenario = Arrays.stream(args).filter(arg -> arg.startsWith("--scenario="))
                .map(arg -> arg.substring("--scenario=".length())).findFirst().orElse("live");
        try {
            switch (scenario) {
                case "live" -> LiveCouplesBench.main(args);
                case "restart" -> RestartBench.main(args);
                case "soak" -> SoakBench.main(args);
                case "history" -> HistoryBench.main(args);
                default -> throw new IllegalArgumentException("No scenario " + scenario + ": live, restart or soak");
            }
        } catch (Exception failed) {
            failed.printStackTrace();
            // Clients' and workers' threads must not keep a failed run alive (nor the product it started).
            System.exit(1);
        }
        System.exit(0);
    }

    /** {@code --name=value} arguments, by name. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }

    private Bench() {
    }
}
