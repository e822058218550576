package app.duet.bench;

import java.util.Arrays;

/**
 * Picks the scenario: {@code --scenario=live} (the default, {@link LiveCouplesBench}) or
 * {@code --scenario=restart} ({@link RestartBench}). Every figure is printed as
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
                default -> throw new IllegalArgumentException("No scenario " + scenario + ": live or restart");
            }
        } catch (Exception failed) {
            failed.printStackTrace();
            // Clients' and workers' threads must not keep a failed run alive (nor the product it started).
            System.exit(1);
        }
        System.exit(0);
    }

    private Bench() {
    }
}
