package dev.interlock.bench.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection that sends a request and reads its answer's status, skipping the body. The JDK's
 * HttpClient costs the load generator more CPU per request than the server spends deciding; on a 2-core machine
 * that shared CPU was most of the measured tail. This reads only what a load test needs (status line,
 * Content-Length), and reconnects when the server closes.
 */
final class KeepAliveConnection implements AutoCloseable {

    private final InetSocketAddress address;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    KeepAliveConnection(URI base) {
        this.address = new InetSocketAddress(base.getHost(), base.getPort() < 0 ? 80 : base.getPort());
    }

    /** A POST with a JSON body, as bytes ready to write. */
    static byte[] post(URI url, String token, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: "
                + content.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + content.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        return all;
    }

    /** Sends the request and returns the answer's status, or -1 when the exchange failed (counted, not thrown). */
    int exchange(byte[] request) {
        try {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(address, 5_000);
                socket.setSoTimeout(30_000);
                out = new BufferedOutputStream(socket.getOutputStream(), 8192);
                in = new BufferedInputStream(socket.getInputStream(), 16_384);
            }
            out.write(request);
            out.flush();
            return readAnswer();
        } catch (IOException e) {
            close();
            return -1;
        }
    }

    private int readAnswer() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = 0;
        boolean close = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(h.substring(colon + 1).trim());
            } else if (name.equalsIgnoreCase("Connection") && h.substring(colon + 1).trim().equalsIgnoreCase("close")) {
                close = true;
            }
        }
        in.skipNBytes(length);
        if (close) {
            close();
        }
        return code;
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (b != '\r') {
                s.append((char) b);
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing a broken connection: nothing left to do
        }
        socket = null;
    }
}
