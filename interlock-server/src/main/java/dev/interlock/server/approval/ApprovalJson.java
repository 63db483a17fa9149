package dev.interlock.server.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.json.DecisionWriter;
import dev.interlock.json.Json;
import dev.interlock.model.ApprovalTerms;
import dev.interlock.model.Operation;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import dev.interlock.model.Verb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The JSON columns of approvals: terms, held operations, and the raw request in the shape RequestReader reads. */
final class ApprovalJson {

    private ApprovalJson() {
    }

    static String terms(ApprovalTerms terms) {
        return write(DecisionWriter.approval(terms));
    }

    static ApprovalTerms terms(String json) {
        JsonNode n = read(json);
        List<String> approvers = new ArrayList<>();
        n.path("approvers").forEach(a -> approvers.add(a.asText()));
        return new ApprovalTerms(approvers, n.path("count").asInt(1), n.path("requester_may_approve").asBoolean(false),
                Duration.parse(n.path("expires").asText()), Duration.parse(n.path("min_review").asText()),
                n.path("confirm").asText("none"), Duration.parse(n.path("max_grant").asText("PT0S")));
    }

    static String held(List<HeldOperation> held) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (HeldOperation h : held) {
            ObjectNode o = out.addObject();
            o.put("operation", h.operation());
            o.put("rule", h.rule());
            o.put("address", h.address());
            o.put("verb", h.verb().name().toLowerCase(Locale.ROOT));
            o.put("name", h.name());
            o.put("environment", h.environment());
        }
        return write(out);
    }

    static List<HeldOperation> held(String json) {
        List<HeldOperation> out = new ArrayList<>();
        for (JsonNode o : read(json)) {
            out.add(new HeldOperation(o.path("operation").asInt(), o.path("rule").asText(), o.path("address").asText(),
                    Verb.valueOf(o.path("verb").asText().toUpperCase(Locale.ROOT)), o.path("name").asText(),
                    o.path("environment").asText()));
        }
        return out;
    }

    /** What a reviewer types to confirm a plan: the first 12 hex characters of its digest ("" for other requests). */
    static String planConfirmation(String decisionJson) {
        String digest = read(decisionJson).path("blast_radius").path("digest").asText("");
        return digest.startsWith("sha256:") && digest.length() >= 19 ? digest.substring(7, 19) : "";
    }

    /** True when any rule of the stored decision, enforced or dry-run, had effect deny. */
    static boolean mentionsDeny(String decisionJson) {
        for (JsonNode r : read(decisionJson).path("rules")) {
            if ("deny".equals(r.path("effect").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The request as reviewers see it; {@code RequestReader.read} parses it back (plans excepted: they show as read). */
    static String request(Request request) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        if (!request.id().isEmpty()) {
            o.put("id", request.id());
        }
        o.put("kind", request.kind().wire());
        switch (request.payload()) {
            case Payload.Shell s -> o.put("command", s.command());
            case Payload.Sql s -> {
                o.put("statement", s.statement());
                if (s.dialect() != null && !s.dialect().isEmpty()) {
                    o.put("dialect", s.dialect());
                }
            }
            case Payload.Mcp m -> {
                o.put("server", m.server());
                o.put("tool", m.tool());
                o.set("arguments", m.arguments() == null ? Json.MAPPER.createObjectNode() : m.arguments());
            }
            case Payload.Document d -> {
                // A plan is shown as read (its changes and the digest the approval is bound to), not as its raw JSON.
                ObjectNode plan = o.putObject("plan");
                plan.put("tool", d.plan().tool()).put("name", d.plan().name()).put("digest", d.plan().digest())
                        .put("unchanged", d.plan().unchanged());
                d.plan().findings().forEach(plan.putArray("findings")::add);
                ArrayNode changes = plan.putArray("changes");
                for (dev.interlock.model.PlanChange c : d.plan().changes()) {
                    changes.addObject().put("address", c.address()).put("type", c.type()).put("verb", c.verb().wire())
                            .put("actions", c.actions()).put("reason", c.reason());
                }
            }
            case Payload.FileEdit f -> {
                // reviewers read the whole content they approve
                ArrayNode changes = o.putArray("changes");
                for (dev.interlock.model.FileChange c : f.changes()) {
                    ObjectNode n = changes.addObject().put("path", c.path()).put("action", c.action().wire()).put("content", c.content());
                    if (!c.movedTo().isEmpty()) {
                        n.put("to", c.movedTo());
                    }
                }
            }
            case Payload.Declared d -> {
                ArrayNode ops = o.putArray("operations");
                for (Operation op : d.operations()) {
                    ObjectNode j = ops.addObject();
                    j.put("system", op.system());
                    j.put("verb", op.verb().wire());
                    ObjectNode r = j.putObject("resource");
                    r.put("type", op.resource().type());
                    r.put("name", op.resource().name());
                    op.resource().locators().forEach(r::put);
                    j.put("scope", op.scope().wire());
                    j.put("stateful", op.stateful());
                    j.put("reversible", op.reversible());
                }
            }
        }
        ObjectNode context = o.putObject("context");
        request.context().environment().ifPresent(e -> context.put("environment", e));
        request.context().cwd().ifPresent(c -> context.put("cwd", c));
        request.context().target().ifPresent(t -> context.put("target", t));
        ObjectNode env = context.putObject("env");
        request.context().env().forEach(env::put);
        request.context().kubeconfig().ifPresent(k -> {
            ObjectNode kube = context.putObject("kubeconfig");
            if (k.absent()) {
                kube.put("absent", true);
            }
            k.currentContext().ifPresent(c -> kube.put("current_context", c));
        });
        ObjectNode actor = o.putObject("actor");
        actor.put("principal", request.actor().principal());
        actor.put("agent", request.actor().agent());
        actor.put("session", request.actor().session());
        return write(o);
    }

    private static String write(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored approval JSON is corrupt: " + e.getOriginalMessage(), e);
        }
    }
}
