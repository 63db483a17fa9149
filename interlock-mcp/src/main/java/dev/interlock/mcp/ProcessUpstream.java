package dev.interlock.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One upstream MCP server over stdio: a process whose stdout carries only MCP (one JSON-RPC message a line) and whose
 * stderr is its log, passed through to ours. Shutdown as the spec says: close stdin, then SIGTERM, then SIGKILL.
 */
final class ProcessUpstream implements Upstream {

    private final Process process;
    private final OutputStream in;
    private final BufferedReader out;

    private ProcessUpstream(Process process) {
        this.process = process;
        this.in = process.getOutputStream();
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
    }

    static ProcessUpstream start(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        return new ProcessUpstream(pb.start());
    }

    @Override
    public synchronized void send(String line) throws IOException {
        in.write(line.getBytes(StandardCharsets.UTF_8));
        in.write('\n');
        in.flush();
    }

    /** The next line the server wrote, or null when it closed its stdout (it exited). */
    @Override
    public String receive() throws IOException {
        return out.readLine();
    }

    @Override
    public int exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
