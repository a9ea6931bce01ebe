package io.fluxsocketio.engineio.web;

import reactor.netty.http.server.HttpServer;

/**
 * Known Reactor Netty bugs that break long-polling, so that an application on an affected version hears about it
 * at startup instead of from clients that stall.
 */
public final class ReactorNettyVersion {

    private ReactorNettyVersion() {
    }

    /** The Reactor Netty HTTP version on the class path, or {@code null} when its jar does not say. */
    public static String installed() {
        return HttpServer.class.getPackage().getImplementationVersion();
    }

    /**
     * What goes wrong for long-polling clients on the given Reactor Netty version, or {@code null} when nothing
     * is known to.
     */
    public static String knownPollingProblem(String version) {
        int[] parts = parse(version);
        if (parts == null || parts[0] != 1 || parts[1] != 3 || parts[2] >= 8) {
            return null;
        }
        return "Reactor Netty " + version + " can stop reading an HTTP/1.1 keep-alive connection when a request "
                + "arrives just before the previous response ends (reactor-netty#4361): long-polling clients then "
                + "stall until their ping timeout. Use Reactor Netty 1.3.8 or later (with Netty 4.2.18 or later).";
    }

    private static int[] parse(String version) {
        if (version == null) {
            return null;
        }
        String[] parts = version.split("[.-]", 4);
        if (parts.length < 3) {
            return null;
        }
        try {
            return new int[] { Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]) };
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }
}
