package dev.interlock.analysis.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.model.Plan;
import dev.interlock.model.PlanChange;
import dev.interlock.model.RequestKind;
import dev.interlock.model.Verb;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terraform and OpenTofu {@code show -json} plans, format versions 0.x and 1.x, read streaming: one
 * {@code resource_changes[]} entry at a time, so memory follows the changes, not the document (prior state and planned
 * values are skipped). docs/plans.md lists what is read.
 */
final class TerraformPlans {

    /** What a change was before cannot alter what applying it does (a stale plan is refused by Terraform itself). */
    private static final java.util.Set<String> BEFORE = java.util.Set.of("before", "before_sensitive", "before_identity");
    private static final String TOOL = "terraform";
    private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("arn:[^:]*:iam::(\\d{12}):");
    /** Variables whose value names the environment the configuration is for. */
    private static final List<String> ENVIRONMENT_VARIABLES = List.of("environment", "env", "stage", "tier", "workspace");

    private final ObjectMapper mapper;
    private String formatVersion = "";
    private final List<PlanChange> changes = new ArrayList<>();
    private final Map<String, String> locators = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> findings = new ArrayList<>();
    private final List<String> moves = new ArrayList<>();
    private final List<String> drift = new ArrayList<>();
    private int unchanged;
    private final PlanDigest digest;
    private boolean sawChanges;

    private TerraformPlans(ObjectMapper mapper) {
        this.mapper = mapper;
        this.digest = new PlanDigest(TOOL);
    }

    /** Reads a plan from a parser positioned before its first token. */
    static Plan read(JsonParser p, ObjectMapper mapper) throws IOException {
        TerraformPlans reader = new TerraformPlans(mapper);
        try (reader.digest) {
            return reader.document(p);
        }
    }

    private Plan document(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new PlanFormatException("a Terraform plan (terraform show -json) is a JSON object");
        }
        boolean errored = false;
        boolean incomplete = false;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "format_version" -> formatVersion = p.getValueAsString("");
                case "resource_changes" -> each(p, value, field, this::resourceChange);
                case "resource_drift" -> each(p, value, field, this::drifted);
                case "deferred_changes" -> each(p, value, field, this::deferred);
                case "configuration" -> configuration(p, value);
                case "variables" -> variables(value == JsonToken.START_OBJECT ? mapper.readTree(p) : null);
                case "errored" -> errored = value == JsonToken.VALUE_TRUE;
                case "complete" -> incomplete = value == JsonToken.VALUE_FALSE;
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new PlanFormatException("the plan is not a JSON object of fields");
        }
        if (p.nextToken() != null) {
            throw new PlanFormatException("trailing content after the plan's JSON object (two documents in one file?)");
        }
        checkVersion();
        if (errored) {
            findings.add("the plan errored: Terraform could not plan everything, so this is not all an apply would do");
        } else if (incomplete) {
            findings.add("the plan is incomplete (deferred actions): another plan and apply will follow this one");
        }
        if (!moves.isEmpty()) {
            findings.add("moved without change: " + listed(moves));
        }
        if (!drift.isEmpty()) {
            findings.add("drift: " + drift.size() + " resource" + (drift.size() == 1 ? " has" : "s have")
                    + " changed outside Terraform since the last apply (" + listed(drift) + ")");
        }
        return new Plan(RequestKind.TERRAFORM_PLAN, TOOL, formatVersion, "", changes, locators, sources, findings, unchanged,
                digest.finish());
    }

    private void checkVersion() {
        if (formatVersion.isEmpty()) {
            throw new PlanFormatException(sawChanges
                    ? "the plan has no format_version: not the output of terraform show -json"
                    : "not a Terraform plan: no format_version and no resource_changes (expected the output of terraform show -json PLANFILE)");
        }
        String major = formatVersion.contains(".") ? formatVersion.substring(0, formatVersion.indexOf('.')) : formatVersion;
        if (!major.equals("0") && !major.equals("1")) {
            throw new PlanFormatException("Terraform plan format_version " + formatVersion + " is not one Interlock reads "
                    + "(0.x and 1.x); upgrade Interlock or produce the plan with a Terraform/OpenTofu release that writes 1.x");
        }
    }

    private interface EntryReader {
        void read(JsonNode entry);
    }

    private void each(JsonParser p, JsonToken value, String field, EntryReader reader) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_ARRAY) {
            throw new PlanFormatException("'" + field + "' must be an array");
        }
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            reader.read(mapper.readTree(p));
        }
        if (t != JsonToken.END_ARRAY) {
            throw new PlanFormatException("'" + field + "' must be an array of objects");
        }
    }

    private void resourceChange(JsonNode rc) {
        sawChanges = true;
        PlanChange change = change(rc, "");
        if (change == null) {
            unchanged++;
            String previous = Values.text(rc.get("previous_address"));
            if (!previous.isEmpty()) {
                moves.add(previous + " → " + Values.text(rc.get("address")));
            }
            return;
        }
        digest.add(rc, BEFORE);
        changes.add(change);
    }

    /** One {@code resource_changes[]} entry, or null for a no-op (a move or an unchanged resource). */
    private PlanChange change(JsonNode rc, String deferredReason) {
        String address = Values.text(rc.get("address"));
        if (address.isEmpty()) {
            throw new PlanFormatException("a resource change has no address (resource_changes[" + (changes.size() + unchanged) + "])");
        }
        JsonNode change = rc.path("change");
        List<String> actions = new ArrayList<>();
        change.path("actions").forEach(a -> actions.add(a.asText()));
        boolean importing = change.has("importing") && !change.get("importing").isNull();
        Verb verb = verb(actions, address);
        if (verb == null && !importing) {
            return null;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode before = change.get("before");
        JsonNode after = change.get("after");
        JsonNode values = verb == Verb.DELETE || verb == Verb.REPLACE ? before : after;
        Values.scalars(values, attributes);
        if (verb == Verb.UPDATE) {
            protectionsTurnedOff(before, after, attributes);
        }
        String deposed = Values.text(rc.get("deposed"));
        if (!deposed.isEmpty()) {
            attributes.put("deposed", deposed);
        }
        if (importing) {
            attributes.put("importing", Values.text(change.path("importing").get("id")));
        }
        String previous = Values.text(rc.get("previous_address"));
        if (!previous.isEmpty()) {
            attributes.put("previous_address", previous);
        }
        List<String> paths = new ArrayList<>();
        change.path("replace_paths").forEach(path -> {
            List<String> parts = new ArrayList<>();
            path.forEach(part -> parts.add(part.asText()));
            paths.add(String.join(".", parts));
        });
        if (!paths.isEmpty()) {
            attributes.put("replace_paths", String.join(", ", paths));
        }
        Map<String, String> where = new LinkedHashMap<>();
        where.put("module", Values.text(rc.get("module_address")));
        where.put("provider", Values.text(rc.get("provider_name")));
        String tag = Values.environmentTagName(values == null || values.isNull() ? before : values);
        if (!tag.isEmpty()) {
            where.put("environment", tag.substring(tag.indexOf(" = ") + 3));
            attributes.put("environment_tag", tag);
        }
        for (String key : List.of("region", "location", "project", "resource_group_name")) {
            String v = Values.text(values == null ? null : values.get(key));
            if (!v.isEmpty()) {
                where.put(key.equals("location") ? "region" : key.equals("resource_group_name") ? "resource-group" : key, v);
            }
        }
        JsonNode metadata = values == null ? null : values.path("metadata").path(0);
        if (metadata != null && metadata.has("namespace")) {
            where.put("namespace", Values.text(metadata.get("namespace")));
        }
        where.values().removeIf(String::isEmpty);
        String reason = Values.text(rc.get("action_reason"));
        if (!deferredReason.isEmpty()) {
            reason = "deferred: " + deferredReason;
        }
        String type = Values.text(rc.get("type"));
        return new PlanChange(address, type, verb == null ? Verb.UPDATE : verb, String.join(",", actions), reason, where, attributes);
    }

    /** Protections an update switches off, kept as {@code turns_off=deletion_protection} for the reviewer. */
    private static void protectionsTurnedOff(JsonNode before, JsonNode after, Map<String, String> attributes) {
        if (before == null || after == null || !before.isObject() || !after.isObject()) {
            return;
        }
        List<String> off = new ArrayList<>();
        for (var e : before.properties()) {
            String k = e.getKey();
            boolean protection = k.contains("protection") || k.contains("prevent") || k.equals("disable_api_termination");
            if (protection && e.getValue().asBoolean(false) && after.has(k) && !after.get(k).asBoolean(true)) {
                off.add(k);
            }
            if (k.equals("skip_final_snapshot") && !e.getValue().asBoolean(true) && after.path(k).asBoolean(false)) {
                off.add("final snapshot");
            }
        }
        if (!off.isEmpty()) {
            attributes.put("turns_off", String.join(", ", off));
        }
    }

    private static Verb verb(List<String> actions, String address) {
        if (actions.size() == 2 && actions.contains("delete") && actions.contains("create")) {
            return Verb.REPLACE;
        }
        if (actions.size() != 1) {
            throw new PlanFormatException("resource change " + address + " has actions " + actions
                    + ", which no Terraform format version writes");
        }
        return switch (actions.get(0)) {
            case "create" -> Verb.CREATE;
            case "update", "forget" -> Verb.UPDATE;
            case "delete" -> Verb.DELETE;
            case "read" -> Verb.READ;
            case "no-op" -> null;
            default -> throw new PlanFormatException("resource change " + address + " has the unknown action '"
                    + actions.get(0) + "'");
        };
    }

    private void drifted(JsonNode rc) {
        drift.add(Values.text(rc.get("address")) + " (" + String.join(",", actionsOf(rc)) + ")");
    }

    private void deferred(JsonNode d) {
        JsonNode rc = d.path("resource_change");
        String reason = Values.text(d.get("reason"));
        findings.add("deferred to a later plan: " + Values.text(rc.get("address")) + " " + actionsOf(rc)
                + (reason.isEmpty() ? "" : " (" + reason + ")"));
    }

    private static List<String> actionsOf(JsonNode rc) {
        List<String> actions = new ArrayList<>();
        rc.path("change").path("actions").forEach(a -> actions.add(a.asText()));
        return actions;
    }

    /** Only {@code provider_config} is read: the accounts, roles, projects, subscriptions and regions it names. */
    private void configuration(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("provider_config") && v == JsonToken.START_OBJECT) {
                providers(mapper.readTree(p));
            } else {
                p.skipChildren();
            }
        }
    }

    private void providers(JsonNode config) {
        for (var e : config.properties()) {
            JsonNode provider = e.getValue();
            if (provider.has("alias")) {
                continue;
            }
            String name = Values.text(provider.get("name"));
            JsonNode x = provider.path("expressions");
            switch (name) {
                case "aws" -> {
                    put("region", constant(x.get("region")), "provider \"aws\" region");
                    put("profile", constant(x.get("profile")), "provider \"aws\" profile");
                    JsonNode allowed = x.path("allowed_account_ids").path("constant_value");
                    if (allowed.isArray() && !allowed.isEmpty()) {
                        put("account", allowed.get(0).asText(), "provider \"aws\" allowed_account_ids");
                    }
                    String role = constant(x.path("assume_role").path(0).get("role_arn"));
                    Matcher m = ACCOUNT_IN_ARN.matcher(role);
                    if (m.find()) {
                        put("account", m.group(1), "provider \"aws\" assume_role " + role);
                    }
                }
                case "google", "google-beta" -> {
                    put("project", constant(x.get("project")), "provider \"" + name + "\" project");
                    put("region", constant(x.get("region")), "provider \"" + name + "\" region");
                }
                case "azurerm" -> put("subscription", constant(x.get("subscription_id")), "provider \"azurerm\" subscription_id");
                case "kubernetes", "helm" -> put("context", constant(x.get("config_context")), "provider \"" + name + "\" config_context");
                default -> { }
            }
        }
    }

    private void variables(JsonNode variables) {
        if (variables == null) {
            return;
        }
        for (String name : ENVIRONMENT_VARIABLES) {
            JsonNode v = variables.path(name).get("value");
            if (v != null && v.isTextual() && !v.asText().isEmpty()) {
                put("environment", v.asText(), "variable \"" + name + "\"");
                return;
            }
        }
    }

    private void put(String locator, String value, String source) {
        if (!value.isEmpty() && !locators.containsKey(locator)) {
            locators.put(locator, value);
            sources.put(locator, source + " = " + value);
        }
    }

    private static String constant(JsonNode expression) {
        return expression == null ? "" : Values.text(expression.get("constant_value"));
    }

    private static String listed(List<String> items) {
        return String.join(", ", items.subList(0, Math.min(5, items.size()))) + (items.size() > 5 ? ", …" : "");
    }
}
