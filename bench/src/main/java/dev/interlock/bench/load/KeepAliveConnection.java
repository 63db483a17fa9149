package dev.interlock.bench.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 keep-alive connection that sends a request and reads its answer's status, skipping the body. The JDK's
 * HttpClient costs the load generator more CPU per request than the server spends deciding; on a 2-core machine
 * that shared CPU was most of the measured tail. This reads only what a load test needs (status line, a few
 * headers, a body sent with Content-Length or chunked), and reconnects when the server closes.
 */
public final class KeepAliveConnection implements AutoCloseable {

    private final InetSocketAddress address;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    public KeepAliveConnection(URI base) {
        this.address = new InetSocketAddress(base.getHost(), base.getPort() < 0 ? 80 : base.getPort());
    }

    /** An answer: its status, its headers (names in lower case), and its body when it was kept. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    /** A POST with a JSON body, as bytes ready to write. */
    static byte[] post(URI url, String token, String body) {
        return post(url, Map.of("Authorization", "Bearer " + token), body);
    }

    /** A POST with a JSON body and these extra headers, as bytes ready to write. */
    public static byte[] post(URI url, Map<String, String> headers, String body) {
        return request("POST", url, headers, body);
    }

    /** A request of this method with a JSON body (may be empty) and these extra headers, as bytes ready to write. */
    public static byte[] request(String method, URI url, Map<String, String> headers, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(url.getRawPath()).append(" HTTP/1.1\r\nHost: ")
                .append(url.getHost()).append(':').append(url.getPort()).append("\r\nContent-Type: application/json\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + content.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        return all;
    }

    /** Sends the request and returns the answer's status, or -1 when the exchange failed (counted, not thrown). */
    int exchange(byte[] request) {
        return exchange(request, false).status();
    }

    /** Sends the request and reads the answer, keeping its body when asked; a failed exchange answers status -1. */
    public Answer exchange(byte[] request, boolean keepBody) {
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
            return readAnswer(keepBody);
        } catch (IOException | RuntimeException e) {
            close();
            return new Answer(-1, Map.of(), e.toString());
        }
    }

    private Answer readAnswer(boolean keepBody) throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        Map<String, String> headers = new HashMap<>();
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = chunkSize(line()); size > 0; size = chunkSize(line())) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            if (keepBody) {
                body.write(in.readNBytes(length));
            } else {
                in.skipNBytes(length);
            }
        }
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
            close();
        }
        return new Answer(code, headers, keepBody ? body.toString(StandardCharsets.UTF_8) : "");
    }

    private static int chunkSize(String line) {
        int semicolon = line.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
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
