package io.fluxsocketio.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToLongFunction;

/**
 * Runs a scenario against every target in one session, one after another on the same machine, and prints one
 * machine-readable line per target ({@code BENCH ...}) and a table with the ratio to the raw ceiling.
 *
 * <p>Usage: {@code BenchmarkRunner echo-ack [clients] [warmup seconds] [measure seconds] [target,target...|all]
 * [rounds]}; the first target measured in a round is the ceiling the ratios of that round refer to.
 */
public final class BenchmarkRunner {

    /** Step length of fan-out's unrecorded warm-up climb. */
    private static final Duration WARMUP_STEP = Duration.ofSeconds(2);

    /** Fan-out's measured steps at low rates last until this many events were sent, for a p99 over enough of them. */
    private static final int FAN_OUT_MINIMUM_SENDS = 1000;

    private record Row(String target, int round, EchoAckLoad.Result result, CpuShare cpu, long serverRssKib) {

        /**
         * The server's CPU time per ack. Throughput on a shared machine also measures whoever else is running; the
         * CPU an ack costs moves less, so it tells small changes apart better.
         */
        double serverMicrosPerAck() {
            return this.cpu.server() * Runtime.getRuntime().availableProcessors() * 1e6 / this.result.acksPerSecond();
        }

        double throughputRatio(Row ceiling) {
            return this.result.acksPerSecond() / ceiling.result().acksPerSecond();
        }

        double costRatio(Row ceiling) {
            return serverMicrosPerAck() / ceiling.serverMicrosPerAck();
        }
    }

    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "echo-ack";
        if (scenario.equals("load-only")) {
            // For profiling: load a server started by hand. Usage: load-only <port> <clients> <seconds>
            EchoAckLoad.Result result = new EchoAckLoad(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Duration.ofSeconds(2), Duration.ofSeconds(Long.parseLong(args[3]))).run();
            System.out.println(result);
            return;
        }
        if (scenario.equals("idle-hold")) {
            // For heap histograms: hold idle connections to a server started by hand. Usage: idle-hold <port> <n> <s>
            try (IdleLoad load = new IdleLoad()) {
                System.out.println("joined " + load.open(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                        Duration.ofMinutes(3)));
                ServerProcess.sleep(1000 * Long.parseLong(args[3]));
            }
            return;
        }
        if (scenario.equals("idle-load")) {
            SharedPortIdle.holdConnections(args);
            return;
        }
        if (scenario.equals("idle-shared-port")) {
            SharedPortIdle.run(args, Path.of("").toAbsolutePath());
            return;
        }
        if (scenario.equals("idle")) {
            idle(args);
            return;
        }
        if (scenario.equals("handshakes")) {
            handshakes(args);
            return;
        }
        if (scenario.equals("fan-out")) {
            fanOut(args);
            return;
        }
        if (!scenario.equals("echo-ack")) {
            throw new IllegalArgumentException("unknown scenario " + scenario
                    + "; known: echo-ack, fan-out, idle, idle-shared-port, handshakes");
        }
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Duration warmup = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 15);
        Duration measure = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 10);
        Path benchmarks = Path.of("").toAbsolutePath();
        Path work = Files.createDirectories(benchmarks.resolve("target/runs"));
        int cores = Runtime.getRuntime().availableProcessors();
        // The ceiling's own rate moved by up to 10% between runs minutes apart (147,000-170,000 acks/s on a quiet
        // machine), and with it every ratio: rounds measure each target again, in the same order, and the summary
        // gives each target's median ratio to the ceiling of its own round.
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        System.out.printf(Locale.ROOT, "echo-ack: %d clients, %d s warm-up, %d s measured, %d round(s), %d cores, "
                + "Java %s, %s%n", clients, warmup.toSeconds(), measure.toSeconds(), rounds, cores, Runtime.version(),
                LocalDate.now());

        List<Row> rows = new ArrayList<>();
        List<String> only = Target.named(args, 4);
        List<Target> targets = Target.selected(benchmarks.resolve("node"), only);
        warmUpLoadGenerator(targets.get(0), work,
                port -> new EchoAckLoad(port, clients, warmup, measure).run().acksPerSecond());
        for (int round = 1; round <= rounds; round++) {
            for (Target target : targets) {
                Row row = measureEchoAck(target, round, work, clients, warmup, measure);
                rows.add(row);
                System.out.printf(Locale.ROOT, "BENCH scenario=echo-ack target=%s round=%d clients=%d "
                        + "acks_per_s=%.0f p50_us=%d p99_us=%d p999_us=%d server_cpu=%.2f server_cpu_us_per_ack=%.1f "
                        + "server_jit_cpu=%.3f loadgen_cpu=%.2f server_rss_kib=%d%n", row.target(), round, clients,
                        row.result().acksPerSecond(), row.result().p50Micros(), row.result().p99Micros(),
                        row.result().p999Micros(), row.cpu().server(), row.serverMicrosPerAck(),
                        row.cpu().serverCompiler(), row.cpu().loadGenerator(), row.serverRssKib());
            }
        }
        printTable(rows, targets.size());
        if (rounds > 1) {
            printMedians(rows, targets);
        }
    }

    private static Row measureEchoAck(Target target, int round, Path work, int clients, Duration warmup,
            Duration measure) throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(target.commandFor(port), work, port)) {
            CompletableFuture<CpuShare> measured = CpuShare.over(server, warmup, measure);
            EchoAckLoad.Result result = new EchoAckLoad(port, clients, warmup, measure).run();
            return new Row(target.name(), round, result, measured.join(), server.rssKib());
        }
    }

    /**
     * Usage: {@code handshakes [clients] [warmup s] [measured s] [target,target...|all] [rounds]}: full polling
     * handshake, namespace connect and WebSocket upgrade per client; each round measures every target again, in the
     * same order, and the summary gives each target's median ratios to the first target (the ceiling) and to Node's
     * server, each ratio taken within its own round.
     */
    private static void handshakes(String[] args) throws Exception {
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Duration warmup = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 20);
        Duration measure = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 8);
        List<String> only = Target.named(args, 4);
        // The first server measured did up to half as many handshakes as when measured later in the same run, even
        // after the load generator's warm-up: more rounds show that, and the later rounds compare the servers.
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        Path benchmarks = Path.of("").toAbsolutePath();
        Path work = Files.createDirectories(benchmarks.resolve("target/runs"));
        System.out.printf(Locale.ROOT, "handshakes: %d clients, %d s warm-up, %d s measured, %d round(s), Java %s, %s%n",
                clients, warmup.toSeconds(), measure.toSeconds(), rounds, Runtime.version(), LocalDate.now());
        System.out.printf(Locale.ROOT, "| %-28s | %5s | %12s | %10s | %11s |%n", "server", "round", "handshakes/s",
                "server CPU", "loadgen CPU");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        List<Target> targets = Target.selected(benchmarks.resolve("node"), only);
        warmUpLoadGenerator(targets.get(0), work,
                port -> new HandshakeLoad(port, clients, warmup, measure).run());
        List<Double> rates = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (Target target : targets) {
                rates.add(measureHandshakes(target, work, clients, warmup, measure, round));
            }
        }
        printHandshakeRatios(targets, rates);
    }

    /**
     * Each target's median ratio, over the rounds, to the first target of the same round and to Node's server (when
     * measured); {@code rates} holds every round's rates in the targets' order.
     */
    private static void printHandshakeRatios(List<Target> targets, List<Double> rates) {
        List<String> names = targets.stream().map(Target::name).toList();
        int node = names.indexOf("node-socket.io");
        System.out.println();
        System.out.printf(Locale.ROOT, "| %-29s | %13s | %14s |%n", "server", "median vs " + names.get(0),
                "median vs node");
        System.out.println("| --- | ---: | ---: |");
        int rounds = rates.size() / targets.size();
        for (int t = 0; t < targets.size(); t++) {
            double toFirst = medianRatio(rates, targets.size(), t, 0);
            double toNode = (node >= 0) ? medianRatio(rates, targets.size(), t, node) : Double.NaN;
            System.out.printf(Locale.ROOT, "BENCH scenario=handshakes-median target=%s rounds=%d ratio_to_first=%.3f "
                    + "ratio_to_node=%.3f%n", names.get(t), rounds, toFirst, toNode);
            System.out.printf(Locale.ROOT, "| %-29s | %12.2fx | %14s |%n", names.get(t), toFirst,
                    (node >= 0) ? String.format(Locale.ROOT, "%.2fx", toNode) : "-");
        }
    }

    /**
     * The median over the rounds of one target's figure divided by another's, each ratio taken within its own round;
     * {@code figures} holds every round's figures in the targets' order.
     */
    static double medianRatio(List<Double> figures, int targetsPerRound, int target, int reference) {
        List<Double> ratios = new ArrayList<>();
        for (int first = 0; first < figures.size(); first += targetsPerRound) {
            ratios.add(figures.get(first + target) / figures.get(first + reference));
        }
        return median(ratios);
    }

    /** @return the handshakes per second measured */
    private static double measureHandshakes(Target target, Path work, int clients, Duration warmup, Duration measure,
            int round) throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(target.commandFor(port), work, port)) {
            CompletableFuture<CpuShare> measured = CpuShare.over(server, warmup, measure);
            HandshakeLoad load = new HandshakeLoad(port, clients, warmup, measure);
            double rate = load.run();
            CpuShare cpu = measured.join();
            load.failures().forEach((kind, count) -> System.out.printf(Locale.ROOT,
                    "%s: %d handshakes failed with %s%n", target.name(), count.sum(), kind));
            System.out.printf(Locale.ROOT, "BENCH scenario=handshakes target=%s round=%d clients=%d "
                    + "handshakes_per_s=%.0f server_cpu=%.2f loadgen_cpu=%.2f%n", target.name(), round, clients, rate,
                    cpu.server(), cpu.loadGenerator());
            System.out.printf(Locale.ROOT, "| %-28s | %5d | %12.0f | %9.0f%% | %10.0f%% |%n", target.name(), round,
                    rate, 100 * cpu.server(), 100 * cpu.loadGenerator());
            return rate;
        }
    }

    /**
     * Usage: {@code fan-out [receivers] [step seconds] [target,target...] [rounds]}: one sender, a room of receivers,
     * send rates rising step by step until delivery falls behind; deliveries/s and latency per step, and the ratio to
     * the ceiling at the same rate in the same round.
     */
    private static void fanOut(String[] args) throws Exception {
        int receivers = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Duration stepLength = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 5);
        List<String> only = Target.named(args, 3);
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        int[] rates = {50, 100, 150, 200, 300, 400, 600, 800, 1000, 1300, 1600, 2000};
        Path benchmarks = Path.of("").toAbsolutePath();
        Path work = Files.createDirectories(benchmarks.resolve("target/runs"));
        System.out.printf(Locale.ROOT, "fan-out: %d receivers, %d s steps (at least %d sends each) after a warm-up "
                + "climb in %d s steps, sends/s %s, %d round(s), Java %s, %s%n", receivers, stepLength.toSeconds(),
                FAN_OUT_MINIMUM_SENDS, WARMUP_STEP.toSeconds(), Arrays.toString(rates), rounds, Runtime.version(),
                LocalDate.now());
        List<Target> targets = Target.selected(benchmarks.resolve("node"), only);
        FanOutReport report = new FanOutReport(targets.size());
        for (int round = 1; round <= rounds; round++) {
            for (Target target : targets) {
                report.add(climb(target, round, work, receivers, rates, stepLength));
            }
        }
        report.printSteps();
        if (rounds > 1) {
            report.printMedians();
        }
    }

    private static FanOutReport.Climb climb(Target target, int round, Path work, int receivers, int[] rates,
            Duration stepLength) throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(target.commandFor(port), work, port);
                FanOutLoad load = new FanOutLoad(server)) {
            int joined = load.open(port, receivers, Duration.ofMinutes(2));
            load.warmUp(joined, rates, WARMUP_STEP);
            CpuShare.Meter meter = CpuShare.start(server);
            List<FanOutLoad.Step> steps = load.run(joined, rates, stepLength, FAN_OUT_MINIMUM_SENDS);
            return new FanOutReport.Climb(target.name(), round, joined, steps, meter.stop());
        }
    }

    /**
     * Usage: {@code idle [connections] [target,target...] [rounds]}: process RSS per held connection, per target; over
     * several rounds, each target's median. One round's figure moves by several KiB (reactor mode, one build, the
     * same settings: 7.2 to 11.4 KiB over six rounds), with how far G1 shrinks the heap and what else the JVM grew.
     */
    private static void idle(String[] args) throws Exception {
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        List<String> only = Target.named(args, 2);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Path benchmarks = Path.of("").toAbsolutePath();
        Path work = Files.createDirectories(benchmarks.resolve("target/runs"));
        System.out.printf(Locale.ROOT, "idle: %d connections, %d round(s), Java %s, %s, JVM options: %s %s%n",
                connections, rounds, Runtime.version(), LocalDate.now(), Target.JAVA_OPTIONS,
                System.getenv().getOrDefault("BENCH_JAVA_OPTS", ""));
        System.out.printf(Locale.ROOT, "| %-28s | %5s | %11s | %10s | %10s | %13s | %14s | %19s | %17s |%n", "server",
                "round", "connections", "RSS before", "RSS after", "KiB per conn.", "heap KiB/conn.",
                "committed KiB/conn.", "KiB/conn. pre-GC");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        List<Target> targets = Target.selected(benchmarks.resolve("node"), only);
        List<Double> perConnection = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (int t = 0; t < targets.size(); t++) {
                // A source address of its own per target and round: the ports an earlier one left in TIME_WAIT
                // stay out of its way.
                String source = "127.0." + round + "." + (t + 1);
                perConnection.add(idleRound(targets.get(t), round, work, connections, source));
            }
        }
        if (rounds > 1) {
            System.out.println();
            System.out.printf(Locale.ROOT, "| %-29s | %26s | %18s |%n", "server", "median RSS KiB per conn.",
                    "median vs raw");
            System.out.println("| --- | ---: | ---: |");
            for (int t = 0; t < targets.size(); t++) {
                List<Double> own = new ArrayList<>();
                for (int i = t; i < perConnection.size(); i += targets.size()) {
                    own.add(perConnection.get(i));
                }
                double median = median(own);
                double toFirst = medianRatio(perConnection, targets.size(), t, 0);
                System.out.printf(Locale.ROOT, "BENCH scenario=idle-median target=%s rounds=%d "
                        + "kib_per_connection=%.1f ratio_to_first=%.3f%n", targets.get(t).name(), rounds, median,
                        toFirst);
                System.out.printf(Locale.ROOT, "| %-29s | %26.1f | %17.2fx |%n", targets.get(t).name(), median,
                        toFirst);
            }
        }
    }

    /** One target's idle round in a fresh server process: prints its lines and returns its RSS KiB per connection. */
    private static double idleRound(Target target, int round, Path work, int connections, String source)
            throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(target.commandFor(port), work, port)) {
            // A thousand connections first, so that code compiled for the connect path is not counted as memory
            // per connection: with a hundred, the code cache still grew by 5.5 MB over the 10,000 measured ones.
            try (IdleLoad warm = new IdleLoad(source)) {
                warm.open(port, 1000, Duration.ofSeconds(60));
            }
            ServerProcess.sleep(2000);
            ServerProcess.Heap heapBefore = server.heapAfterFullGc();
            server.nativeMemoryBaseline();
            long before = server.settledRssKib();
            try (IdleLoad load = new IdleLoad(source)) {
                int joined = load.open(port, connections, Duration.ofMinutes(3));
                ServerProcess.sleep(3000);
                long afterPreGc = server.rssKib();
                ServerProcess.Heap heapAfter = server.heapAfterFullGc();
                String nativeMemory = server.nativeMemoryGrowth();
                // RSS after the full collection, as before the connections: taken before it, the figure also
                // holds the handshakes' garbage and however far the collector grew the heap for it.
                long after = server.settledRssKib();
                double perConnection = (after - before) / (double) joined;
                double perConnectionPreGc = (afterPreGc - before) / (double) joined;
                double heapPerConnection = perConnection(heapBefore, heapAfter, ServerProcess.Heap::usedKib, joined);
                // How much of the RSS per connection is heap the collector grew and kept, not live data.
                double committedPerConnection = perConnection(heapBefore, heapAfter, ServerProcess.Heap::committedKib,
                        joined);
                System.out.printf(Locale.ROOT, "BENCH scenario=idle target=%s round=%d connections=%d "
                        + "rss_before_kib=%d rss_after_kib=%d kib_per_connection=%.1f heap_kib_per_connection=%.1f "
                        + "committed_heap_kib_per_connection=%.1f kib_per_connection_pre_gc=%.1f%n", target.name(),
                        round, joined, before, after, perConnection, heapPerConnection, committedPerConnection,
                        perConnectionPreGc);
                System.out.printf(Locale.ROOT,
                        "| %-28s | %5d | %11d | %7d KiB | %7d KiB | %13.1f | %14.1f | %19.1f | %17.1f |%n",
                        target.name(), round, joined, before, after, perConnection, heapPerConnection,
                        committedPerConnection, perConnectionPreGc);
                if (nativeMemory != null) {
                    System.out.println(target.name() + ", the JVM's memory by category and its growth since "
                            + "before the connections (-XX:NativeMemoryTracking):");
                    System.out.println(nativeMemory);
                }
                return perConnection;
            }
        }
    }

    /** A heap figure's growth per connection, or NaN for a server that is not a JVM. */
    private static double perConnection(ServerProcess.Heap before, ServerProcess.Heap after,
            ToLongFunction<ServerProcess.Heap> figure, int connections) {
        return (before == null || after == null) ? Double.NaN
                : (figure.applyAsLong(after) - figure.applyAsLong(before)) / (double) connections;
    }

    /** A closed-loop load against a server on a port, giving its rate per second. */
    private interface Load {
        double run(int port) throws Exception;
    }

    /**
     * Runs the load once against a fresh server of the first target and drops the figure: the load generator's own
     * JIT warms up there. Without it the first target measured paid for that warm-up despite its own warm-up time
     * (handshakes: reactor mode 808 per second first in a run, 1,313 second, with the load generator taking 49% of
     * the machine against it the first time and 33% the second).
     */
    private static void warmUpLoadGenerator(Target first, Path work, Load load) throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(first.commandFor(port), work, port)) {
            System.out.printf(Locale.ROOT, "load generator warm-up against %s: %.0f per s, not recorded%n",
                    first.name(), load.run(port));
        }
    }

    /** One line per measurement, with its ratios to the first target of the same round, the ceiling. */
    private static void printTable(List<Row> rows, int targetsPerRound) {
        System.out.println();
        System.out.printf(Locale.ROOT, "| %-29s | %5s | %9s | %8s | %7s | %7s | %8s | %10s | %13s | %9s | %11s |%n",
                "server", "round", "acks/s", "vs raw", "p50 us", "p99 us", "p99.9 us", "server CPU", "CPU us/ack",
                "of it JIT", "loadgen CPU");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Row ceiling = rows.get(i - i % targetsPerRound);
            System.out.printf(Locale.ROOT,
                    "| %-29s | %5d | %9.0f | %7.2fx | %7d | %7d | %8d | %9.0f%% | %5.1f (%4.2fx) | %8.1f%% | %10.0f%% |%n",
                    row.target(), row.round(), row.result().acksPerSecond(), row.throughputRatio(ceiling),
                    row.result().p50Micros(), row.result().p99Micros(), row.result().p999Micros(),
                    100 * row.cpu().server(), row.serverMicrosPerAck(), row.costRatio(ceiling),
                    100 * row.cpu().serverCompiler(), 100 * row.cpu().loadGenerator());
        }
    }

    /** Each target's median ratios to the ceiling over the rounds, each ratio taken within its own round. */
    private static void printMedians(List<Row> rows, List<Target> targets) {
        int targetsPerRound = targets.size();
        List<String> table = new ArrayList<>();
        System.out.println();
        List<Double> acksPerSecond = rows.stream().map(row -> row.result().acksPerSecond()).toList();
        List<Double> cpuPerAck = rows.stream().map(Row::serverMicrosPerAck).toList();
        for (int t = 0; t < targetsPerRound; t++) {
            double throughput = medianRatio(acksPerSecond, targetsPerRound, t, 0);
            double cost = medianRatio(cpuPerAck, targetsPerRound, t, 0);
            System.out.printf(Locale.ROOT, "BENCH scenario=echo-ack-median target=%s rounds=%d acks_ratio=%.3f "
                    + "cpu_per_ack_ratio=%.3f%n", targets.get(t).name(), rows.size() / targetsPerRound, throughput,
                    cost);
            table.add(String.format(Locale.ROOT, "| %-29s | %21.2fx | %21.2fx |", targets.get(t).name(), throughput,
                    cost));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "| %-29s | %22s | %22s |%n", "server", "median acks/s vs raw",
                "median CPU/ack vs raw");
        System.out.println("| --- | ---: | ---: |");
        table.forEach(System.out::println);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
