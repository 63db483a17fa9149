package dev.interlock.decision;

import dev.interlock.json.CanonicalJson;
import dev.interlock.model.Operation;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an approval is bound to: SHA-256 of the canonical actor, payload and context (environment included). The
 * caller's correlation id is not part of it, so a retry of the same action matches; one changed byte does not.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(Request request) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("actor", Map.of("principal", request.actor().principal(), "agent", request.actor().agent(),
                "session", request.actor().session()));
        canonical.put("kind", request.kind().wire());
        canonical.put("payload", payload(request.payload()));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("environment", request.context().environment().orElse(""));
        context.put("cwd", request.context().cwd().orElse(""));
        context.put("env", request.context().env());
        context.put("target", request.context().target().orElse(""));
        request.context().kubeconfig().ifPresent(k -> context.put("kubeconfig",
                k.absent() ? "absent" : "current-context=" + k.currentContext().orElse("")));
        if (!request.context().files().isEmpty()) {
            // The manifests a command applies are what gets approved: a changed file is a new request.
            Map<String, String> files = new java.util.TreeMap<>();
            request.context().files().forEach((path, content) -> files.put(path, sha256(content)));
            context.put("files", files);
        }
        canonical.put("context", context);
        return "sha256:" + sha256(CanonicalJson.write(canonical));
    }

    private static Object payload(Payload payload) {
        return switch (payload) {
            case Payload.Shell s -> Map.of("command", s.command());
            case Payload.Sql s -> Map.of("statement", s.statement(), "dialect", s.dialect() == null ? "" : s.dialect());
            case Payload.Mcp m -> Map.of("server", m.server(), "tool", m.tool(),
                    "arguments", m.arguments() == null ? Map.of() : CanonicalJson.write(m.arguments()));
            case Payload.Document d -> Map.of("plan", d.plan().digest());
            case Payload.Declared d -> {
                List<String> ops = new ArrayList<>();
                for (Operation op : d.operations()) {
                    ops.add(op.toString());
                }
                yield Map.of("operations", ops);
            }
            case Payload.FileEdit f -> {
                // The content is what gets approved: a changed byte is a new request.
                List<String> changes = new ArrayList<>();
                for (dev.interlock.model.FileChange c : f.changes()) {
                    changes.add(c.action().wire() + " " + c.path() + " " + c.movedTo() + " " + sha256(c.content()));
                }
                yield Map.of("changes", changes);
            }
        };
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
