package app.duet.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Picks the scenario ({@code --scenario=NAME}, {@code live} by default; {@code bench/run NAME} passes
 * it). Every figure is printed as {@code bench SCENARIO METRIC VALUE UNIT}, a gate as
 * {@code bench SCENARIO gate-NAME PASS|FAIL DETAIL} ({@link Figures}). A scenario this build does
 * not have prints {@code bench NAME skipped} and exits with 3.
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        String scenario = Arrays.stream(args).filter(arg -> arg.startsWith("--scenario="))
                .map(arg -> arg.substring("--scenario=".length())).findFirst().orElse("live");
        try {
            switch (scenario) {
                case "floor" -> FloorBench.main(args);
                case "live" -> LiveBench.main(args);
                case "append" -> AppendBench.main(args);
                case "start" -> StartBench.main(args);
                case "restart" -> RestartBench.main(args);
                case "soak" -> SoakBench.main(args);
                case "history" -> HistoryBench.main(args);
                case "rebuild" -> RebuildBench.main(args);
                case "sockets" -> SocketsBench.main(args);
                case "scale" -> ScaleBench.main(args);
                case "moments" -> MomentsBench.main(args);
                default -> {
                    // bench/run all goes on to the next scenario: this one is not in this build.
                    System.out.printf("bench %s skipped not-in-this-build -%n", scenario);
                    System.exit(3);
                }
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
