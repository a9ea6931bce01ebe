package io.fluxsocketio.interop;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Finds and runs the real clients the interoperability tests drive. A missing runtime skips the test with a
 * message, unless {@code FLUX_SOCKETIO_REQUIRE_PEERS=1} (set by {@code .ci/run}) turns that into a failure.
 */
public final class Peers {

    public static final Path NODE_DIR = Path.of("src", "test", "node").toAbsolutePath();

    public static final Path PYTHON_DIR = Path.of("src", "test", "python").toAbsolutePath();

    private Peers() {
    }

    /** The Node executable, with socket.io-client installed, or a skipped (or failed) test. */
    public static String requireNode() {
        return requireNode(NODE_DIR, "socket.io-client");
    }

    /** The Node executable, with the package installed in that directory, or a skipped (or failed) test. */
    public static String requireNode(Path directory, String npmPackage) {
        String node = findOnPath("node");
        require(node != null, "Node.js is not installed");
        require(Files.isDirectory(directory.resolve("node_modules").resolve(npmPackage)),
                npmPackage + " is not installed: run 'npm ci' in " + directory);
        return node;
    }

    /** Debian's Chromium, or a skipped (or failed) test. */
    public static String requireChromium() {
        String chromium = System.getenv().getOrDefault("FLUX_SOCKETIO_CHROMIUM", "/usr/bin/chromium");
        require(new File(chromium).canExecute(), "Chromium is not installed at " + chromium
                + " (Debian: apt-get install chromium)");
        return chromium;
    }

    /** A Python 3 with python-socketio, or a skipped (or failed) test. */
    public static String requirePython() {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("FLUX_SOCKETIO_PYTHON") != null) {
            candidates.add(System.getenv("FLUX_SOCKETIO_PYTHON"));
        }
        candidates.add("/usr/bin/python3");
        String onPath = findOnPath("python3");
        if (onPath != null) {
            candidates.add(onPath);
        }
        for (String python : candidates) {
            if (new File(python).canExecute() && runs(python, "-c", "import socketio, websocket, requests")) {
                return python;
            }
        }
        require(false, "python3 with python-socketio, websocket-client and requests is not installed"
                + " (Debian: apt-get install python3-socketio python3-websocket python3-requests)");
        return null;
    }

    private static void require(boolean present, String what) {
        if (!present && "1".equals(System.getenv("FLUX_SOCKETIO_REQUIRE_PEERS"))) {
            fail(what + ", and FLUX_SOCKETIO_REQUIRE_PEERS=1 requires it");
        }
        Assumptions.assumeTrue(present, what + ": skipping (set FLUX_SOCKETIO_REQUIRE_PEERS=1 to fail instead)");
    }

    /** The result of a peer process: its exit code and everything it printed. */
    public record Run(int exitCode, String output) {
    }

    /** Runs a command to its end, killing it after the timeout. */
    public static Run run(Path directory, long timeoutSeconds, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                }
                catch (IOException ex) {
                    output.append("[output lost: ").append(ex).append(']');
                }
            });
            reader.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                reader.join(5000);
                return new Run(-1, output + "\n[killed after " + timeoutSeconds + " s]");
            }
            reader.join(5000);
            return new Run(process.exitValue(), output.toString());
        }
        catch (IOException ex) {
            throw new IllegalStateException("could not start " + String.join(" ", command), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static boolean runs(String... command) {
        return run(Path.of("."), 30, command).exitCode() == 0;
    }

    private static String findOnPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, executable);
            if (candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return null;
    }
}
