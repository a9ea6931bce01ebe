package io.fluxsocketio.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Connections opened and framed by hand, for what no client library does: frames they would refuse to send, and
 * clients that stop reading or answering without closing.
 */
public final class RawSockets {

    private RawSockets() {
    }

    /** A TCP connection to the loopback server, reads failing after the timeout. */
    public static Socket open(int port, Duration readTimeout) throws IOException {
        return open(port, readTimeout, 0);
    }

    /**
     * Like {@link #open(int, Duration)}, with a receive buffer of the given size (0 for the system's): a small one
     * makes a client that stops reading hold the server's writes back soon.
     */
    public static Socket open(int port, Duration readTimeout, int receiveBufferSize) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferSize > 0) {
            socket.setReceiveBufferSize(receiveBufferSize);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout((int) readTimeout.toMillis());
        return socket;
    }

    /** Upgrades a fresh connection to an Engine.IO WebSocket and reads the open packet. */
    public static Socket webSocket(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        socket.getOutputStream().write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        String status = readLine(in);
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new AssertionError("WebSocket upgrade refused: " + status);
        }
        while (!readLine(in).isEmpty()) {
            // the rest of the handshake's headers
        }
        String open = readFrame(in);
        if (!open.startsWith("0{\"sid\"")) {
            throw new AssertionError("expected the open packet, got " + open);
        }
        return socket;
    }

    /**
     * Sends a short text frame, masked with a zero key as a client must mask, in one write under the socket's lock:
     * frames from two threads never interleave.
     */
    public static void sendText(Socket socket, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 125) {
            throw new IllegalArgumentException("short frames only");
        }
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(payload, 0, frame, 6, payload.length);
        synchronized (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(frame);
            out.flush();
        }
    }

    /**
     * Sends one frame as given: the first header byte (FIN, opcode) and a payload of up to 65,535 bytes, masked with
     * a zero key. For what the JDK's client never sends, such as a UTF-8 character split between two frames.
     */
    public static void sendFrame(Socket socket, int finAndOpcode, byte[] payload) throws IOException {
        if (payload.length > 0xFFFF) {
            throw new IllegalArgumentException("frames of up to 65,535 bytes only");
        }
        int header = (payload.length < 126) ? 2 : 4;
        byte[] frame = new byte[header + 4 + payload.length];
        frame[0] = (byte) finAndOpcode;
        if (header == 2) {
            frame[1] = (byte) (0x80 | payload.length);
        }
        else {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (payload.length >> 8);
            frame[3] = (byte) payload.length;
        }
        System.arraycopy(payload, 0, frame, header + 4, payload.length);
        synchronized (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(frame);
            out.flush();
        }
    }

    /**
     * The code of the server's close frame, skipping the data frames before it, or -1 when the connection ended
     * without one (Netty may close with a refused frame's bytes unread, and the kernel then resets the connection
     * before the close frame is read).
     */
    public static int readCloseCode(InputStream in) throws IOException {
        try {
            int first;
            while ((first = in.read()) != -1) {
                long length = payloadLength(in);
                if (first == 0x88) {
                    return (length >= 2) ? (in.read() << 8) | in.read() : 1005;
                }
                in.skipNBytes(length);
            }
            return -1;
        }
        catch (SocketException | java.io.EOFException ended) {
            return -1;
        }
    }

    /** Reads the length part of an unmasked frame's header. */
    private static long payloadLength(InputStream in) throws IOException {
        int length = in.read() & 0x7F;
        if (length == 126) {
            return (in.read() << 8) | in.read();
        }
        if (length == 127) {
            long extended = 0;
            for (int i = 0; i < 8; i++) {
                extended = (extended << 8) | in.read();
            }
            return extended;
        }
        return length;
    }

    public static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** Reads one unmasked frame from the server and returns its payload as text. */
    public static String readFrame(InputStream in) throws IOException {
        in.read();
        return new String(in.readNBytes((int) payloadLength(in)), StandardCharsets.UTF_8);
    }
}
