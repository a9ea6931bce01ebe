package io.fluxsocketio.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Fan-out's climbs over one or more rounds: each step compared with the ceiling's step at the same rate in the same
 * round (the round's first target), and, over several rounds, each target's median ratios. A single climb moves with
 * the machine's load: the ceiling's sustained rate went from 599,800 to 1,299,600 deliveries/s between runs an hour
 * apart, so one round's ratio says little on a busy machine.
 */
final class FanOutReport {

    /** One target's climb in one round. */
    record Climb(String target, int round, int receivers, List<FanOutLoad.Step> steps, CpuShare cpu) {

        /** Deliveries per second of the highest step that kept up, or 0 when none did. */
        double sustained() {
            double best = 0;
            for (FanOutLoad.Step step : this.steps) {
                if (step.keptUp()) {
                    best = step.deliveriesPerSecond();
                }
            }
            return best;
        }

        FanOutLoad.Step at(int sendsPerSecond) {
            for (FanOutLoad.Step step : this.steps) {
                if (step.sendsPerSecond() == sendsPerSecond) {
                    return step;
                }
            }
            return null;
        }
    }

    private final int targetsPerRound;

    private final List<Climb> climbs = new ArrayList<>();

    FanOutReport(int targetsPerRound) {
        this.targetsPerRound = targetsPerRound;
    }

    /** Records a climb and prints its machine-readable lines. */
    void add(Climb climb) {
        this.climbs.add(climb);
        for (FanOutLoad.Step step : climb.steps()) {
            System.out.printf(Locale.ROOT, "BENCH scenario=fan-out-step target=%s round=%d receivers=%d "
                    + "sends_per_s=%d deliveries_per_s=%.0f p50_us=%d p99_us=%d kept_up=%b "
                    + "server_cpu_ns_per_delivery=%d jit_cpu_ns_per_delivery=%d%n", climb.target(), climb.round(),
                    climb.receivers(), step.sendsPerSecond(), step.deliveriesPerSecond(),
                    step.p50Micros(), step.p99Micros(), step.keptUp(), step.serverCpuNanosPerDelivery(),
                    step.jitNanosPerDelivery());
        }
        System.out.printf(Locale.ROOT, "BENCH scenario=fan-out target=%s round=%d receivers=%d "
                + "sustained_deliveries_per_s=%.0f server_cpu=%.2f loadgen_cpu=%.2f%n", climb.target(), climb.round(),
                climb.receivers(), climb.sustained(), climb.cpu().server(), climb.cpu().loadGenerator());
    }

    private Climb ceilingOf(int index) {
        return this.climbs.get(index - index % this.targetsPerRound);
    }

    /** Every step of every climb, with its ratios to the ceiling's step at the same rate in the same round. */
    void printSteps() {
        System.out.println();
        System.out.println("| server                       | round | sends/s  | deliveries/s |  p50 us  |  p99 us  "
                + "| kept up | p99 vs raw | CPU ns/delivery | vs raw | of it JIT |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
        for (int i = 0; i < this.climbs.size(); i++) {
            Climb climb = this.climbs.get(i);
            Climb ceiling = ceilingOf(i);
            for (FanOutLoad.Step step : climb.steps()) {
                FanOutLoad.Step reference = ceiling.at(step.sendsPerSecond());
                System.out.printf(Locale.ROOT,
                        "| %-28s | %5d | %8d | %12.0f | %8d | %8d | %s | %s | %6d | %s | %6d |%n", climb.target(),
                        climb.round(), step.sendsPerSecond(), step.deliveriesPerSecond(), step.p50Micros(),
                        step.p99Micros(), step.keptUp() ? "yes" : "no ",
                        ratio(step.p99Micros(), (reference == null) ? 0 : reference.p99Micros()),
                        step.serverCpuNanosPerDelivery(), ratio(step.serverCpuNanosPerDelivery(),
                                (reference == null) ? 0 : reference.serverCpuNanosPerDelivery()),
                        step.jitNanosPerDelivery());
            }
        }
    }

    /**
     * Each target's median over the rounds of its sustained rate as a multiple of the ceiling's, and at each rate
     * both kept up with, the median of its p99 as a multiple of the ceiling's: a single slow step in one round, where
     * something else on the machine ran, does not decide it.
     */
    void printMedians() {
        List<String> table = new ArrayList<>();
        System.out.println();
        for (int t = 0; t < this.targetsPerRound; t++) {
            List<Double> sustained = new ArrayList<>();
            TreeMap<Integer, List<Double>> p99ByRate = new TreeMap<>();
            String name = this.climbs.get(t).target();
            for (int i = t; i < this.climbs.size(); i += this.targetsPerRound) {
                Climb climb = this.climbs.get(i);
                Climb ceiling = ceilingOf(i);
                sustained.add(climb.sustained() / ceiling.sustained());
                for (FanOutLoad.Step step : climb.steps()) {
                    FanOutLoad.Step reference = ceiling.at(step.sendsPerSecond());
                    if (step.keptUp() && reference != null && reference.keptUp()) {
                        p99ByRate.computeIfAbsent(step.sendsPerSecond(), rate -> new ArrayList<>())
                                .add(step.p99Micros() / (double) reference.p99Micros());
                    }
                }
            }
            StringBuilder perRate = new StringBuilder();
            double highest = 0;
            for (var entry : p99ByRate.entrySet()) {
                double median = BenchmarkRunner.median(entry.getValue());
                highest = Math.max(highest, median);
                perRate.append(String.format(Locale.ROOT, "%s%d: %.2fx", perRate.isEmpty() ? "" : ", ",
                        entry.getKey(), median));
            }
            System.out.printf(Locale.ROOT, "BENCH scenario=fan-out-median target=%s rounds=%d sustained_ratio=%.3f "
                    + "highest_median_p99_ratio=%.3f%n", name, sustained.size(), BenchmarkRunner.median(sustained),
                    highest);
            table.add(String.format(Locale.ROOT, "| %-28s | %6d | %22.2fx | %s | %15.2fx |", name,
                    sustained.size(), BenchmarkRunner.median(sustained), perRate, highest));
        }
        System.out.println();
        System.out.println("| server                       | rounds | median sustained vs raw | median p99 vs raw, "
                + "per rate | highest of those |");
        System.out.println("| --- | ---: | ---: | --- | ---: |");
        table.forEach(System.out::println);
    }

    /** A figure as a multiple of the ceiling's, or "-" when the ceiling has none at that point. */
    private static String ratio(long figure, long ceiling) {
        return (ceiling == 0) ? "-" : String.format(Locale.ROOT, "%.2fx", figure / (double) ceiling);
    }
}
