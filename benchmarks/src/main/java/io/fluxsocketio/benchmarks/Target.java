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

    /** Extra JVM options for our server only, for profiling: {@code BENCH_SERVER_JAVA_OPTS="-XX:StartFlightRecording=..."}. */
    private static final List<String> PROFILING_OPTIONS = List.of(
            System.getenv().getOrDefault("BENCH_SERVER_JAVA_OPTS", "").split(" +")).stream()
            .filter(option -> !option.isBlank()).toList();

    static List<Target> all(Path nodeDirectory) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Absolute, because the servers run in a directory of their own.
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("raw-reactor-netty", List.of(java, JAVA_OPTIONS, "-cp", classpath,
                RawCeilingServer.class.getName(), "{port}")));
        for (String mode : List.of("reactor", "virtual-threads", "threading")) {
            if (!mode.equals("virtual-threads") || Runtime.version().feature() >= 21) {
                List<String> command = new ArrayList<>(List.of(java, JAVA_OPTIONS));
                command.addAll(PROFILING_OPTIONS);
                command.addAll(List.of("-cp", classpath, FluxBenchmarkServer.class.getName(), "{port}", mode));
                targets.add(new Target("flux-socketio-" + mode, command));
            }
        }
        targets.add(new Target("node-socket.io", List.of("node", nodeDirectory.resolve("server.js").toString(),
                "{port}")));
        return targets;
    }

    List<String> commandFor(int port) {
        return this.command.stream().map(part -> part.replace("{port}", String.valueOf(port))).toList();
    }
}
