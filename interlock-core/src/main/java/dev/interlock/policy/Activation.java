package dev.interlock.policy;

import dev.interlock.model.Actor;
import dev.interlock.model.Operation;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import dev.interlock.model.SessionHistory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The CEL variables of a rule: {@code op}, {@code request}, {@code actor}, {@code context}, as plain maps. */
final class Activation {

    /** Locators every {@code op.resource} has (empty when unknown), so rules can compare without {@code has()}. */
    private static final List<String> COMMON_LOCATORS = List.of("namespace", "context", "account", "profile", "project",
            "region", "path", "database", "branch", "host", "workspace", "area", "directory", "stack", "holds", "data", "what",
            "apply", "deploys", "migration");

    private Activation() {
    }

    static Map<String, Object> request(Request request, SessionHistory session) {
        Map<String, Object> vars = new HashMap<>(8);
        vars.put("session", session);
        Map<String, Object> req = new HashMap<>();
        req.put("id", request.id());
        req.put("kind", request.kind().wire());
        req.put("text", request.payload().text());
        switch (request.payload()) {
            case Payload.Shell s -> req.put("command", s.command());
            case Payload.Sql s -> req.put("statement", s.statement());
            case Payload.Mcp m -> {
                req.put("server", m.server());
                req.put("tool", m.tool());
            }
            case Payload.Document d -> {
                req.put("plan", Map.of("tool", d.plan().tool(), "name", d.plan().name(), "digest", d.plan().digest(),
                        "changes", d.plan().changes().size(), "unchanged", d.plan().unchanged()));
            }
            case Payload.Declared d -> { }
            case Payload.FileEdit f -> req.put("paths", f.changes().stream().map(dev.interlock.model.FileChange::path).toList());
        }
        vars.put("request", req);
        Actor a = request.actor();
        vars.put("actor", Map.of("principal", a.principal(), "agent", a.agent(), "session", a.session()));
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("environment", request.context().environment().orElse(""));
        ctx.put("cwd", request.context().cwd().orElse(""));
        ctx.put("target", request.context().target().orElse(""));
        ctx.put("env", request.context().env());
        vars.put("context", ctx);
        return vars;
    }

    static Map<String, Object> withOperation(Map<String, Object> requestVars, Operation op) {
        Map<String, Object> resource = new HashMap<>();
        for (String key : COMMON_LOCATORS) {
            resource.put(key, "");
        }
        resource.putAll(op.resource().locators());
        resource.put("type", op.resource().type());
        resource.put("name", op.resource().name());
        resource.put("locators", op.resource().locators());
        Map<String, Object> o = new HashMap<>(16);
        o.put("system", op.system());
        o.put("verb", op.verb().wire());
        o.put("resource", resource);
        o.put("environment", op.environment().wire());
        o.put("scope", op.scope().wire());
        o.put("stateful", op.stateful());
        o.put("reversible", op.reversible());
        o.put("confidence", op.confidence().wire());
        o.put("risk", op.risk().wire());
        o.put("evidence", op.evidence().text());
        o.put("note", op.note());
        Map<String, Object> vars = new HashMap<>(requestVars);
        vars.put("op", o);
        return vars;
    }
}
