package dev.interlock.analysis.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.model.Plan;
import dev.interlock.model.PlanChange;
import dev.interlock.model.RequestKind;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pulumi {@code preview --json}: {@code steps[].op} (create, update, delete, replace, create-replacement,
 * delete-replaced, read, import, discard, same, …), {@code diffReasons}, {@code replaceReasons}, the old and new
 * state. A replacement shown as several steps is one change.
 */
final class PulumiPreviews {

    private PulumiPreviews() {
    }

    static Plan read(JsonNode doc) {
        if (doc.isObject() && doc.path("events").isArray()) {
            return read(fromEvents(doc.get("events")));
        }
        JsonNode steps = doc.get("steps");
        if (!doc.isObject() || steps == null || !steps.isArray()) {
            throw new PlanFormatException("not a Pulumi preview: expected the output of pulumi preview --json, with a 'steps' array");
        }
        Map<String, String> locators = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        config(doc.path("config"), locators, sources);
        PlanDigest digest = new PlanDigest("pulumi");
        List<PlanChange> changes = new ArrayList<>();
        Set<String> replaced = new HashSet<>();
        List<String> findings = new ArrayList<>();
        int unchanged = 0;
        String stack = "";
        int i = 0;
        for (JsonNode step : steps) {
            String op = Values.text(step.get("op"));
            String urn = Values.text(step.get("urn"));
            if (urn.isEmpty()) {
                throw new PlanFormatException("steps[" + i + "] has no urn");
            }
            i++;
            String[] parts = urn.split("::");
            if (stack.isEmpty() && parts.length >= 4 && parts[0].startsWith("urn:pulumi:")) {
                stack = parts[0].substring("urn:pulumi:".length());
                locators.put("stack", stack);
                sources.put("stack", "resource URN stack = " + stack);
                locators.putIfAbsent("project", parts[1]);
                sources.putIfAbsent("project", "resource URN project = " + parts[1]);
            }
            Verb verb = switch (op) {
                case "create" -> Verb.CREATE;
                case "update", "import", "discard", "remove-pending-replace" -> Verb.UPDATE;
                case "delete", "discard-replaced" -> Verb.DELETE;
                case "replace", "create-replacement", "delete-replaced", "import-replacement" -> Verb.REPLACE;
                case "read", "refresh", "read-replacement", "read-discard" -> Verb.READ;
                case "same" -> null;
                default -> throw new PlanFormatException("steps[" + (i - 1) + "] has the unknown op '" + op + "'");
            };
            if (verb == null) {
                unchanged++;
                continue;
            }
            if (verb == Verb.REPLACE && !replaced.add(urn)) {
                continue;
            }
            digest.add(step);
            JsonNode oldState = step.path("oldState");
            JsonNode newState = step.path("newState");
            boolean removing = verb == Verb.DELETE || verb == Verb.REPLACE;
            JsonNode state = removing && oldState.isObject() ? oldState : newState;
            String type = Values.text(state.get("type"));
            if (type.isEmpty() && parts.length >= 4) {
                String t = parts[2];
                type = t.contains("$") ? t.substring(t.lastIndexOf('$') + 1) : t;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            JsonNode values = state.has("outputs") && removing ? state.get("outputs") : state.path("inputs");
            Values.scalars(values, attributes);
            for (String option : List.of("protect", "retainOnDelete")) {
                if (state.path(option).asBoolean(false)) {
                    attributes.put(option, "true");
                }
            }
            if (op.equals("import")) {
                attributes.put("importing", Values.text(state.get("id")));
            }
            if (op.equals("discard")) {
                attributes.put("forget", "true");
            }
            List<String> reasons = new ArrayList<>();
            step.path("replaceReasons").forEach(r -> reasons.add(r.asText()));
            String reason = reasons.isEmpty() ? "" : "replace because of " + String.join(", ", reasons);
            if (reason.isEmpty()) {
                List<String> diffs = new ArrayList<>();
                step.path("diffReasons").forEach(r -> diffs.add(r.asText()));
                reason = diffs.isEmpty() ? "" : "changes " + String.join(", ", diffs);
            }
            Map<String, String> where = new LinkedHashMap<>();
            String environment = Values.environmentTag(values);
            if (!environment.isEmpty()) {
                where.put("environment", environment);
            }
            String name = parts.length >= 4 ? parts[parts.length - 1] : urn;
            changes.add(new PlanChange(name, type, verb, op, reason, where, attributes));
        }
        if (changes.isEmpty() && unchanged == 0 && i > 0) {
            findings.add("the preview has steps but none Interlock could read");
        }
        return new Plan(RequestKind.PULUMI_PREVIEW, "pulumi", "", stack, changes, locators, sources, findings, unchanged,
                digest.finish());
    }

    /**
     * An engine-event stream ({@code pulumi preview --json --event-log}, Pulumi Cloud's {@code {"events": […]}}) as the
     * steps of {@code preview --json}: each {@code resourcePreEvent}'s metadata is one step.
     */
    private static JsonNode fromEvents(JsonNode events) {
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        var doc = nodes.objectNode();
        var steps = doc.putArray("steps");
        for (JsonNode e : events) {
            JsonNode m = e.path("resourcePreEvent").path("metadata");
            if (m.isObject()) {
                var step = steps.addObject();
                step.set("op", m.path("op"));
                step.set("urn", m.path("urn"));
                step.set("oldState", m.path("old"));
                step.set("newState", m.path("new"));
                step.set("diffReasons", m.path("diffs"));
                if (m.path("op").asText().contains("replace")) {
                    step.set("replaceReasons", m.path("keys"));
                }
            }
            if (e.path("preludeEvent").path("config").isObject()) {
                doc.set("config", e.path("preludeEvent").path("config"));
            }
        }
        return doc;
    }

    /** Stack configuration: {@code aws:region}, {@code gcp:project}, {@code azure-native:subscriptionId}, … */
    private static void config(JsonNode config, Map<String, String> locators, Map<String, String> sources) {
        if (!config.isObject()) {
            return;
        }
        Map<String, String> keys = Map.of("aws:region", "region", "aws:profile", "profile", "gcp:project", "project",
                "gcp:region", "region", "azure-native:subscriptionId", "subscription", "azure:subscriptionId", "subscription",
                "kubernetes:context", "context");
        for (var e : keys.entrySet()) {
            String v = Values.text(config.get(e.getKey()));
            if (!v.isEmpty()) {
                locators.putIfAbsent(e.getValue(), v);
                sources.putIfAbsent(e.getValue(), "stack config " + e.getKey() + " = " + v);
            }
        }
    }
}
