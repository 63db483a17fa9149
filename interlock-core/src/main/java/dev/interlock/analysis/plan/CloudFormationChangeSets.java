package dev.interlock.analysis.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.model.Plan;
import dev.interlock.model.PlanChange;
import dev.interlock.model.RequestKind;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation change sets ({@code aws cloudformation describe-change-set} JSON): {@code Action} Add, Modify,
 * Remove, Import or Dynamic; {@code Replacement} True, Conditional or False; {@code PolicyAction} (what the
 * deletion policy does); {@code Details} for why.
 */
final class CloudFormationChangeSets {

    private static final Pattern STACK_ARN = Pattern.compile("arn:[^:]*:cloudformation:([^:]*):([^:]*):");

    private CloudFormationChangeSets() {
    }

    static Plan read(JsonNode doc, ObjectMapper mapper) {
        JsonNode list = doc.get("Changes");
        if (!doc.isObject() || list == null || !list.isArray()) {
            throw new PlanFormatException("not a CloudFormation change set: expected the JSON of aws cloudformation "
                    + "describe-change-set, with a 'Changes' array");
        }
        Map<String, String> locators = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        String stack = Values.text(doc.get("StackName"));
        if (!stack.isEmpty()) {
            locators.put("stack", stack);
            sources.put("stack", "StackName = " + stack);
        }
        String arn = Values.text(doc.get("StackId")).isEmpty() ? Values.text(doc.get("ChangeSetId")) : Values.text(doc.get("StackId"));
        Matcher m = STACK_ARN.matcher(arn);
        if (m.find()) {
            putIfReal(locators, sources, "region", m.group(1), "stack ARN");
            putIfReal(locators, sources, "account", m.group(2), "stack ARN");
        }
        PlanDigest digest = new PlanDigest("cloudformation");
        List<PlanChange> changes = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        int i = 0;
        for (JsonNode c : list) {
            JsonNode rc = c.get("ResourceChange");
            if (rc == null || !rc.isObject()) {
                if (!Values.text(c.get("Type")).isEmpty() && !Values.text(c.get("Type")).equals("Resource")) {
                    findings.add("a change of type " + Values.text(c.get("Type")) + " is not analyzed");
                    continue;
                }
                throw new PlanFormatException("Changes[" + i + "] has no ResourceChange object");
            }
            digest.add(c);
            changes.add(change(rc, i, mapper));
            i++;
        }
        if (Values.text(doc.get("Status")).equals("FAILED")) {
            findings.add("the change set failed to create: " + Values.text(doc.get("StatusReason")));
        }
        String name = stack + (doc.has("ChangeSetName") ? " (change set " + Values.text(doc.get("ChangeSetName")) + ")" : "");
        return new Plan(RequestKind.CLOUDFORMATION_CHANGESET, "cloudformation", "", name, changes, locators, sources,
                findings, 0, digest.finish());
    }

    private static PlanChange change(JsonNode rc, int i, ObjectMapper mapper) {
        String action = Values.text(rc.get("Action"));
        String replacement = Values.text(rc.get("Replacement"));
        Verb verb = switch (action) {
            case "Add" -> Verb.CREATE;
            case "Remove" -> Verb.DELETE;
            case "Import", "Dynamic" -> Verb.UPDATE;
            case "Modify" -> replacement.equals("True") || replacement.equals("Conditional") ? Verb.REPLACE : Verb.UPDATE;
            default -> throw new PlanFormatException("Changes[" + i + "].ResourceChange has the unknown Action '" + action
                    + "' (expected Add, Modify, Remove, Import or Dynamic)");
        };
        String logical = Values.text(rc.get("LogicalResourceId"));
        if (logical.isEmpty()) {
            throw new PlanFormatException("Changes[" + i + "].ResourceChange has no LogicalResourceId");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode properties = context(verb == Verb.DELETE || verb == Verb.REPLACE ? rc.get("BeforeContext") : rc.get("AfterContext"), mapper);
        Values.scalars(properties, attributes);
        put(attributes, "physical_id", Values.text(rc.get("PhysicalResourceId")));
        put(attributes, "policy_action", Values.text(rc.get("PolicyAction")));
        put(attributes, "replacement", replacement);
        if (action.equals("Import")) {
            attributes.put("importing", Values.text(rc.get("PhysicalResourceId")));
        }
        if (action.equals("Dynamic")) {
            attributes.put("dynamic", "true");
        }
        List<String> why = new ArrayList<>();
        for (JsonNode d : rc.path("Details")) {
            JsonNode target = d.path("Target");
            String recreation = Values.text(target.get("RequiresRecreation"));
            String name = Values.text(target.get("Name"));
            String causing = Values.text(d.get("CausingEntity"));
            if (recreation.equals("Always") || recreation.equals("Conditionally")) {
                why.add(name + (recreation.equals("Always") ? " requires recreation" : " may require recreation"));
            } else if (!causing.isEmpty()) {
                why.add("caused by " + causing);
            }
        }
        if (replacement.equals("Conditional")) {
            why.add(0, "replacement is Conditional: CloudFormation decides at execution");
        }
        Map<String, String> where = new LinkedHashMap<>();
        put(where, "environment", Values.environmentTag(properties));
        return new PlanChange(logical, Values.text(rc.get("ResourceType")), verb,
                action + (replacement.isEmpty() ? "" : " Replacement=" + replacement), String.join("; ", why), where, attributes);
    }

    /** Before/AfterContext: a JSON string (the API) or an object (some recorders); the properties inside. */
    private static JsonNode context(JsonNode node, ObjectMapper mapper) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode parsed = node;
        if (node.isTextual()) {
            try {
                parsed = mapper.readTree(node.asText());
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                return null;
            }
        }
        return parsed.has("Properties") ? parsed.get("Properties") : parsed;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (!value.isEmpty()) {
            map.put(key, value);
        }
    }

    private static void putIfReal(Map<String, String> locators, Map<String, String> sources, String key, String value, String from) {
        if (!value.isEmpty() && !value.startsWith("<")) {
            locators.put(key, value);
            sources.put(key, from + " " + key + " = " + value);
        }
    }
}
