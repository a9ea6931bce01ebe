package io.fluxsocketio.benchmarks;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.List;

/** A server to measure, and the command that starts it on a port. */
record Target(String name, List<String> command) {

    static final String JAVA_OPTIONS = "-Xmx1g";

    /**
     * Extra options for the Java servers (the ceiling and ours alike), for settings under test or a profiler:
     * {@code BENCH_JAVA_OPTS="-XX:+UseSerialGC"}. {@code BENCH_BASELINE_CLASSES}, a copy of an earlier build's
     * {@code autoconfigure/target/classes}, adds that build as the target {@code baseline-reactor}, or in each mode
     * {@code BENCH_BASELINE_MODES} lists (comma-separated) as {@code baseline-<mode>}; {@code BENCH_BASELINE_JAVA_OPTS}
     * adds options to those targets alone, so that a JVM setting is measured side by side with the same build without
     * it.
     */
    private static final List<String> EXTRA_OPTIONS = options("BENCH_JAVA_OPTS");

    private static final List<String> BASELINE_OPTIONS = options("BENCH_BASELINE_JAVA_OPTS");

    private static List<String> options(String variable) {
        return Arrays.stream(System.getenv().getOrDefault(variable, "").split(" +"))
                .filter(option -> !option.isBlank()).toList();
    }

    static List<Target> all(Path nodeDirectory) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Absolute, because the servers run in a directory of their own.
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("raw-reactor-netty",
                javaCommand(java, List.of(), classpath, RawCeilingServer.class.getName(), "{port}")));
        String baseline = System.getenv("BENCH_BASELINE_CLASSES");
        if (baseline != null && !baseline.isBlank()) {
            // An earlier build's classes ahead of this one's: before and after a change, measured in one run.
            String baselineClasspath = Path.of(baseline).toAbsolutePath() + File.pathSeparator + classpath;
            for (String mode : System.getenv().getOrDefault("BENCH_BASELINE_MODES", "reactor").split(",")) {
                targets.add(new Target("baseline-" + mode, javaCommand(java, BASELINE_OPTIONS, baselineClasspath,
                        FluxBenchmarkServer.class.getName(), "{port}", mode)));
            }
        }
        for (String mode : List.of("reactor", "virtual-threads", "threading")) {
            if (!mode.equals("virtual-threads") || Runtime.version().feature() >= 21) {
                targets.add(new Target("flux-socketio-" + mode,
                        javaCommand(java, List.of(), classpath, FluxBenchmarkServer.class.getName(), "{port}",
                                mode)));
            }
        }
        targets.add(new Target("node-socket.io", List.of("node", nodeDirectory.resolve("server.js").toString(),
                "{port}")));
        return targets;
    }

    /**
     * The target names a scenario's argument at that index gives: a comma-separated list, or none when it is missing
     * or {@code all} (which lets a later argument follow it), meaning every target.
     */
    static List<String> named(String[] args, int index) {
        return (args.length > index && !args[index].equals("all")) ? List.of(args[index].split(",")) : List.of();
    }

    /**
     * The targets a run measures, in their usual order: those named (every one when none is), less those whose name
     * starts with an excluded prefix (a kind the scenario cannot measure).
     */
    static List<Target> selected(Path nodeDirectory, List<String> only, String... excludedPrefixes) {
        List<Target> targets = all(nodeDirectory).stream()
                .filter(target -> Arrays.stream(excludedPrefixes).noneMatch(target.name()::startsWith))
                .filter(target -> only.isEmpty() || only.contains(target.name())).toList();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no target to measure among " + only + "; the targets are "
                    + all(nodeDirectory).stream().map(Target::name).toList());
        }
        return targets;
    }

    /**
     * A Java server's command line: the common and extra JVM options, the target's own, then the main class and its
     * arguments.
     */
    private static List<String> javaCommand(String java, List<String> targetOptions, String classpath,
            String... mainClassAndArguments) {
        List<String> command = new ArrayList<>(List.of(java, JAVA_OPTIONS));
        command.addAll(EXTRA_OPTIONS);
        command.addAll(targetOptions);
        command.addAll(List.of("-cp", classpath));
        command.addAll(List.of(mainClassAndArguments));
        return command;
    }

    List<String> commandFor(int port) {
        return this.command.stream().map(part -> part.replace("{port}", String.valueOf(port))).toList();
    }
}
