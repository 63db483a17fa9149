package dev.interlock.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.model.ApprovalTerms;
import dev.interlock.model.BlastRadius;
import dev.interlock.model.Decision;
import dev.interlock.model.Operation;
import dev.interlock.model.RuleMatch;

/** Writes a decision in the JSON contract (snake_case fields, wire spellings of enums). */
public final class DecisionWriter {

    private DecisionWriter() {
    }

    public static String toJson(Decision d) {
        try {
            return Json.MAPPER.writeValueAsString(toNode(d));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a decision: " + e.getMessage(), e);
        }
    }

    public static ObjectNode toNode(Decision d) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("id", d.id());
        out.put("effect", d.effect().wire());
        out.put("risk", d.risk().wire());
        out.put("summary", d.summary());
        ArrayNode ops = out.putArray("operations");
        d.operations().forEach(op -> ops.add(operation(op)));
        ArrayNode rules = out.putArray("rules");
        for (RuleMatch r : d.rules()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", r.id());
            rule.put("policy", r.policy());
            rule.put("effect", r.effect().wire());
            rule.put("message", r.message());
            rule.put("enforcement", r.enforcement().wire());
            rule.put("operation", r.operation());
        }
        d.approval().ifPresent(a -> out.set("approval", approval(a)));
        out.put("policy_version", d.policyVersion());
        out.put("decision_id", d.decisionId());
        d.blastRadius().ifPresent(b -> out.set("blast_radius", blastRadius(b)));
        return out;
    }

    public static ObjectNode blastRadius(BlastRadius b) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("summary", b.summary());
        o.put("plan", b.plan());
        o.put("digest", b.digest());
        o.put("environment", b.environment().wire());
        o.put("where", b.where());
        o.put("environment_source", b.whereSource());
        o.put("changes", b.changes());
        o.put("unchanged", b.unchanged());
        ObjectNode verbs = o.putObject("by_verb");
        b.byVerb().forEach((v, n) -> verbs.put(v.wire(), n));
        ObjectNode types = o.putObject("by_type");
        b.byType().forEach((t, counts) -> {
            ObjectNode c = types.putObject(t);
            counts.forEach((v, n) -> c.put(v.wire(), n));
        });
        b.holdingData().forEach(o.putArray("holding_data")::add);
        b.dataLost().forEach(o.putArray("data_lost")::add);
        b.accessCut().forEach(o.putArray("access_cut")::add);
        b.findings().forEach(o.putArray("findings")::add);
        return o;
    }

    public static ObjectNode operation(Operation op) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("system", op.system());
        o.put("verb", op.verb().wire());
        ObjectNode resource = o.putObject("resource");
        resource.put("type", op.resource().type());
        resource.put("name", op.resource().name());
        op.resource().locators().forEach(resource::put);
        o.put("environment", op.environment().wire());
        o.put("environment_source", op.environmentSource());
        o.put("scope", op.scope().wire());
        o.put("stateful", op.stateful());
        o.put("reversible", op.reversible());
        o.put("confidence", op.confidence().wire());
        o.put("risk", op.risk().wire());
        ObjectNode evidence = o.putObject("evidence");
        evidence.put("text", op.evidence().text());
        evidence.put("start", op.evidence().start());
        evidence.put("end", op.evidence().end());
        if (!op.note().isEmpty()) {
            o.put("note", op.note());
        }
        return o;
    }

    public static ObjectNode approval(ApprovalTerms a) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode approvers = o.putArray("approvers");
        a.approvers().forEach(approvers::add);
        o.put("count", a.count());
        o.put("requester_may_approve", a.requesterMayApprove());
        o.put("expires", a.expires().toString());
        o.put("min_review", a.minReview().toString());
        o.put("confirm", a.confirm());
        o.put("max_grant", a.maxGrant().toString());
        return o;
    }
}
