package dev.interlock.hooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Realistic hook payloads, one file per agent and tool, built from each agent's documented schema. */
final class Payloads {

    private Payloads() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/payloads/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no payload fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HookEvent event(String name) {
        return PayloadReader.read(Agent.parse(name.startsWith("claude-code") ? "claude-code" : name.substring(0, name.indexOf('-'))), bytes(name));
    }
}
