package io.fluxsocketio.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server under test in a process of its own, so that its CPU and memory can be read apart from the load's. */
final class ServerProcess implements AutoCloseable {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    /** G1 says "committed"; the serial and parallel collectors give each generation's "total". */
    private static final Pattern COMMITTED = Pattern.compile("(?:committed|total) (\\d+)K");

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;

    final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess start(List<String> command, Path directory, int port) throws IOException {
        Path log = directory.resolve("server-" + port + ".log");
        ServerProcess server = new ServerProcess(launch(command, directory, log), port);
        server.awaitReady(log, server::acceptsConnections);
        return server;
    }

    /**
     * One of several processes listening on one port with {@code SO_REUSEPORT}: a connection to the port may reach
     * any of them, so readiness is the process's own "listening on" line in its log.
     */
    static ServerProcess startSharingPort(List<String> command, Path directory, int port, int index)
            throws IOException {
        Path log = directory.resolve("server-" + port + "-" + index + ".log");
        ServerProcess server = new ServerProcess(launch(command, directory, log), port);
        server.awaitReady(log, () -> Files.exists(log) && Files.readString(log).contains("listening on"));
        return server;
    }

    private static Process launch(List<String> command, Path directory, Path log) throws IOException {
        return new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private interface Readiness {
        boolean ready() throws IOException;
    }

    /**
     * Waits until the server is ready. One that exits, or is not ready in time, fails the run and is not left
     * running.
     */
    private void awaitReady(Path log, Readiness readiness) throws IOException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!this.process.isAlive()) {
                throw new IOException("server exited with " + this.process.exitValue() + "; see " + log);
            }
            if (readiness.ready()) {
                return;
            }
            sleep(100);
        }
        this.process.destroyForcibly();
        throw new IOException("server did not listen on " + this.port + " within " + STARTUP_TIMEOUT + "; see " + log);
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
            return true;
        }
        catch (IOException notYet) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** CPU time (user + system) the process has used so far, in milliseconds. */
    long cpuMillis() throws IOException {
        return cpuMillis(Path.of("/proc", String.valueOf(this.process.pid()), "stat"));
    }

    /**
     * CPU time of the JVM's JIT compiler threads ("C1 CompilerThread0" and so on; 0 for Node): what it still
     * compiles while a scenario measures tells whether the warm-up was long enough.
     */
    long compilerCpuMillis() throws IOException {
        long millis = 0;
        try (var threads = Files.list(Path.of("/proc", String.valueOf(this.process.pid()), "task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        millis += cpuMillis(thread.resolve("stat"));
                    }
                }
                catch (IOException ex) {
                    // The thread ended while being read: its time is gone with it.
                }
            }
        }
        return millis;
    }

    private static long cpuMillis(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    /** Files the process has open: its connections, and a few dozen of its own. */
    long openFiles() throws IOException {
        try (var files = Files.list(Path.of("/proc", String.valueOf(this.process.pid()), "fd"))) {
            return files.count();
        }
    }

    /** Resident memory of the process, in KiB. */
    long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(this.process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /**
     * Resident memory once it has stopped moving, in KiB: read after a full collection, where G1 gives back the
     * regions it shrank off on a thread of its own, after the collection has returned (seen here: 366 MB read at once,
     * 267 MB five seconds later). Reads every half second until two readings differ by under 256 KiB, for at most
     * ten seconds.
     */
    long settledRssKib() throws IOException {
        long previous = rssKib();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            sleep(500);
            long current = rssKib();
            if (Math.abs(current - previous) < 256) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    /**
     * The Java heap in use after a full collection, in KiB, asked of the process with {@code jcmd}; -1 for a process
     * that is not a JVM.
     */
    long liveHeapKib() throws IOException, InterruptedException {
        Heap heap = heapAfterFullGc();
        return (heap != null) ? heap.usedKib() : -1;
    }

    /**
     * The Java heap in use and committed after a full collection, asked of the process with {@code jcmd}; null for a
     * process that is not a JVM. What the collector keeps committed beyond what is in use is in the RSS too.
     */
    Heap heapAfterFullGc() throws IOException, InterruptedException {
        if (jcmd("GC.run") == null) {
            return null;
        }
        String info = jcmd("GC.heap_info");
        if (info == null) {
            return null;
        }
        // One line for G1's heap, one per generation for the serial and parallel collectors; not Metaspace's.
        long used = 0;
        long committed = 0;
        for (String line : info.lines().filter(line -> !line.contains("Metaspace") && !line.contains("class space"))
                .toList()) {
            Matcher usedMatcher = USED.matcher(line);
            if (usedMatcher.find()) {
                used += Long.parseLong(usedMatcher.group(1));
                Matcher committedMatcher = COMMITTED.matcher(line);
                if (committedMatcher.find()) {
                    committed += Long.parseLong(committedMatcher.group(1));
                }
            }
        }
        return new Heap(used, committed);
    }

    /**
     * Marks the JVM's native memory, by category, as the baseline of {@link #nativeMemoryGrowth}; does nothing unless
     * the JVM tracks it ({@code BENCH_JAVA_OPTS=-XX:NativeMemoryTracking=summary}).
     */
    void nativeMemoryBaseline() throws IOException, InterruptedException {
        jcmd("VM.native_memory", "baseline");
    }

    /**
     * The JVM's own account of its memory by category (heap, threads, code, GC, direct buffers as "Other") with each
     * one's change since {@link #nativeMemoryBaseline}: where RSS went that the heap does not explain. Null when the
     * JVM does not track native memory.
     */
    String nativeMemoryGrowth() throws IOException, InterruptedException {
        String diff = jcmd("VM.native_memory", "summary.diff", "scale=KB");
        return (diff == null || diff.contains("not enabled")) ? null : diff;
    }

    private String jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(this.process.pid())));
        line.addAll(List.of(command));
        return run(line.toArray(String[]::new));
    }

    /** A JVM's heap after a full collection: in use, and committed (held from the system), in KiB. */
    record Heap(long usedKib, long committedKib) {
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        return (process.waitFor() == 0 && !output.contains("Exception")) ? output : null;
    }

    @Override
    public void close() throws InterruptedException {
        this.process.destroy();
        if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
            this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
