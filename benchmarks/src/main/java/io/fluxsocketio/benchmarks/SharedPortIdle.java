package io.fluxsocketio.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Idle connections beyond one process's open-files limit (20,000 on this machine, and not raisable here): several
 * server processes listen on one port with {@code SO_REUSEPORT}, which makes the kernel spread connections among
 * them, and several load processes each open a share of the connections from a loopback source address of their own.
 * Memory is summed over the server processes, so the figure per connection is the same measure as {@code idle}'s.
 *
 * <p>Usage: {@code idle-shared-port [connections=100000] [processes=auto] [target,target...]}; {@code auto} gives each
 * process about 15,000 connections. Node's server is left out: it has no {@code SO_REUSEPORT} listener.
 */
final class SharedPortIdle {

    /** The system property that makes the benchmark servers listen with {@code SO_REUSEPORT}. */
    static final String REUSE_PORT = "benchmark.reuse-port";

    private static final int CONNECTIONS_PER_PROCESS = 15_000;

    private SharedPortIdle() {
    }

    static boolean reusePort() {
        return Boolean.getBoolean(REUSE_PORT);
    }

    static void run(String[] args, Path benchmarks) throws Exception {
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int processes = (args.length > 2 && !args[2].equals("auto")) ? Integer.parseInt(args[2])
                : (connections + CONNECTIONS_PER_PROCESS - 1) / CONNECTIONS_PER_PROCESS;
        List<String> only = Target.named(args, 3);
        Path work = Files.createDirectories(benchmarks.resolve("target/runs"));
        System.out.printf(Locale.ROOT, "idle-shared-port: %d connections, %d server and %d load processes, Java %s, "
                + "%s, JVM options: %s %s%n", connections, processes, processes, Runtime.version(), LocalDate.now(),
                Target.JAVA_OPTIONS, System.getenv().getOrDefault("BENCH_JAVA_OPTS", ""));
        System.out.printf(Locale.ROOT, "| %-28s | %11s | %10s | %10s | %13s | %14s | %-28s |%n", "server",
                "connections", "RSS before", "RSS after", "KiB per conn.", "heap KiB/conn.", "open files per process");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        for (Target target : Target.selected(benchmarks.resolve("node"), only, "node")) {
            measure(target, connections, processes, work);
        }
    }

    private static void measure(Target target, int connections, int processes, Path work) throws Exception {
        int port = ServerProcess.freePort();
        List<String> command = new ArrayList<>(target.commandFor(port));
        command.add(1, "-D" + REUSE_PORT + "=true");
        List<ServerProcess> servers = new ArrayList<>();
        List<Process> loads = new ArrayList<>();
        try {
            for (int i = 0; i < processes; i++) {
                servers.add(ServerProcess.startSharingPort(command, work, port, i));
            }
            // A hundred connections per process first, so that lazily loaded code is not counted per connection.
            try (IdleLoad warm = new IdleLoad()) {
                warm.open(port, 100 * processes, Duration.ofSeconds(60));
            }
            ServerProcess.sleep(2000);
            long heapBefore = sum(servers, true);
            long before = sum(servers, false);
            for (int i = 0; i < processes; i++) {
                int share = connections / processes + ((i < connections % processes) ? 1 : 0);
                loads.add(startLoad(port, share, "127.0." + (i + 1) + ".1"));
            }
            int joined = 0;
            for (Process load : loads) {
                joined += awaitJoined(load);
            }
            ServerProcess.sleep(3000);
            long heapAfter = sum(servers, true);
            // RSS after the full collections, as before the connections (see BenchmarkRunner's idle scenario).
            long after = sum(servers, false);
            List<Long> openFiles = new ArrayList<>();
            for (ServerProcess server : servers) {
                openFiles.add(server.openFiles());
            }
            double perConnection = (after - before) / (double) joined;
            double heapPerConnection = (heapAfter - heapBefore) / (double) joined;
            System.out.printf(Locale.ROOT, "BENCH scenario=idle-shared-port target=%s processes=%d connections=%d "
                    + "rss_before_kib=%d rss_after_kib=%d kib_per_connection=%.1f heap_kib_per_connection=%.1f "
                    + "open_files=%s%n", target.name(), processes, joined, before, after, perConnection,
                    heapPerConnection, openFiles.toString().replace(" ", ""));
            System.out.printf(Locale.ROOT, "| %-28s | %11d | %7d KiB | %7d KiB | %13.1f | %14.1f | %-28s |%n",
                    target.name(), joined, before, after, perConnection, heapPerConnection, openFiles);
        }
        finally {
            for (Process load : loads) {
                release(load);
            }
            for (ServerProcess server : servers) {
                server.close();
            }
        }
    }

    /** Live heap (after a full collection) or RSS once settled, in KiB, summed over the server processes. */
    private static long sum(List<ServerProcess> servers, boolean liveHeap) throws IOException, InterruptedException {
        long total = 0;
        for (ServerProcess server : servers) {
            total += liveHeap ? server.liveHeapKib() : server.settledRssKib();
        }
        return total;
    }

    /** A load process of its own, under its own open-files limit; see {@link #holdConnections}. */
    private static Process startLoad(int port, int connections, String sourceAddress) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                BenchmarkRunner.class.getName(), "idle-load", String.valueOf(port), String.valueOf(connections),
                sourceAddress).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static int awaitJoined(Process load) throws IOException {
        BufferedReader output = new BufferedReader(
                new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith("joined ")) {
                return Integer.parseInt(line.substring("joined ".length()).trim());
            }
        }
        throw new IOException("a load process ended without saying how many joined");
    }

    private static void release(Process load) throws IOException, InterruptedException {
        load.getOutputStream().close();
        if (!load.waitFor(30, TimeUnit.SECONDS)) {
            load.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The load process: opens its connections from one source address, says how many joined, and holds them until
     * its standard input closes. Usage: {@code idle-load <port> <connections> <source address>}.
     */
    static void holdConnections(String[] args) throws IOException {
        try (IdleLoad load = new IdleLoad(args[3])) {
            int joined = load.open(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Duration.ofMinutes(5));
            System.out.println("joined " + joined);
            System.out.flush();
            while (System.in.read() != -1) {
                // Held until the runner closes our input.
            }
        }
    }
}
