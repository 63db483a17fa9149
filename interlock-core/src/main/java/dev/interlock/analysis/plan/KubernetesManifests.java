package dev.interlock.analysis.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.analysis.shell.recognizers.controls.SecurityControls;
import dev.interlock.model.Plan;
import dev.interlock.model.PlanChange;
import dev.interlock.model.RequestKind;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Kubernetes manifests (multi-document YAML or JSON, {@code kind: List} and {@code *List} kinds with {@code items})
 * as kubectl would apply, create, replace or delete them: one change per object.
 */
final class KubernetesManifests {

    private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private KubernetesManifests() {
    }

    /** Multi-document YAML (JSON is YAML too). */
    static Plan read(String text, ManifestAction action, ObjectMapper mapper) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setMaxAliasesForCollections(50);
        List<JsonNode> docs = new ArrayList<>();
        try {
            for (Object doc : new Yaml(new SafeConstructor(options)).loadAll(text)) {
                if (doc != null) {
                    docs.add(mapper.valueToTree(doc));
                }
            }
        } catch (MarkedYAMLException e) {
            throw new PlanFormatException("manifests are not valid YAML at line " + (e.getProblemMark().getLine() + 1)
                    + ": " + e.getProblem());
        } catch (RuntimeException e) {
            throw new PlanFormatException("manifests are not valid YAML: " + e.getMessage());
        }
        return read(docs, action);
    }

    /** Already-parsed documents (an object, a List, or an array of objects). */
    static Plan read(List<JsonNode> docs, ManifestAction action) {
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode d : docs) {
            flatten(d, objects, 0);
        }
        if (objects.isEmpty()) {
            throw new PlanFormatException("no Kubernetes objects in the manifests (expected documents with apiVersion, kind and metadata.name)");
        }
        PlanDigest digest = new PlanDigest("kubernetes:" + action.verb() + (action.force() ? ":force" : "") + (action.prune() ? ":prune" : ""));
        List<PlanChange> changes = new ArrayList<>();
        for (JsonNode o : objects) {
            digest.add(o);
            changes.add(change(o, action, changes.size()));
        }
        if (action.prune()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("prune", action.pruneAll() ? "all" : "selector");
            changes.add(new PlanChange("--prune", "objects", Verb.DELETE, action.verb() + " --prune",
                    "deletes every object " + (action.pruneAll() ? "in the namespaces these manifests name" : "matching the label selector")
                            + " that these manifests no longer name", Map.of(), attributes));
        }
        return new Plan(RequestKind.KUBERNETES_MANIFEST, "kubernetes", "", "", changes, Map.of(), Map.of(), List.of(), 0,
                digest.finish());
    }

    private static void flatten(JsonNode d, List<JsonNode> out, int depth) {
        if (depth > 4) {
            throw new PlanFormatException("Lists nested deeper than 4 levels in the manifests");
        }
        if (d.isArray()) {
            d.forEach(x -> flatten(x, out, depth + 1));
            return;
        }
        if (!d.isObject()) {
            throw new PlanFormatException("a manifest document must be an object, not " + d.getNodeType().name().toLowerCase());
        }
        String kind = Values.text(d.get("kind"));
        if (kind.endsWith("List") && d.path("items").isArray()) {
            d.get("items").forEach(x -> flatten(x, out, depth + 1));
            return;
        }
        out.add(d);
    }

    private static PlanChange change(JsonNode o, ManifestAction action, int index) {
        String kind = Values.text(o.get("kind"));
        JsonNode metadata = o.path("metadata");
        String name = Values.text(metadata.get("name"));
        if (kind.isEmpty() || name.isEmpty() && Values.text(metadata.get("generateName")).isEmpty()) {
            throw new PlanFormatException("manifest object " + (index + 1) + " has no " + (kind.isEmpty() ? "kind" : "metadata.name"));
        }
        if (name.isEmpty()) {
            name = Values.text(metadata.get("generateName")) + "*";
        }
        String namespace = kind.equals("Namespace") ? name : Values.text(metadata.get("namespace"));
        Verb verb = switch (action.verb()) {
            case "create" -> Verb.CREATE;
            case "replace" -> action.force() ? Verb.REPLACE : Verb.UPDATE;
            case "delete" -> Verb.DELETE;
            default -> Verb.UPDATE;
        };
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode spec = o.path("spec");
        put(attributes, "persistentVolumeReclaimPolicy", Values.text(spec.get("persistentVolumeReclaimPolicy")));
        put(attributes, "whenDeleted", Values.text(spec.path("persistentVolumeClaimRetentionPolicy").get("whenDeleted")));
        List<String> claims = new ArrayList<>();
        spec.path("volumeClaimTemplates").forEach(t -> claims.add(Values.text(t.path("metadata").get("name"))));
        put(attributes, "volume_claims", String.join(", ", claims));
        put(attributes, "storage", Values.text(spec.path("resources").path("requests").get("storage")));
        Map<String, String> where = new LinkedHashMap<>();
        put(where, "namespace", namespace);
        put(where, "api_version", Values.text(o.get("apiVersion")));
        JsonNode labels = metadata.path("labels");
        String environment = Values.environmentTag(labels.isObject() ? mapperless(labels) : null);
        put(where, "environment", environment);
        // a PeerAuthentication set to DISABLE, a Namespace enforcing nothing, a NetworkPolicy deleted
        SecurityControls.manifest(kind, verb, name, o.toString()).ifPresent(control -> where.put(SecurityControls.LOCATOR, control));
        String address = (namespace.isEmpty() || kind.equals("Namespace") ? "" : namespace + "/") + kind + "/" + name;
        return new PlanChange(address, kind, verb, action.verb() + (action.force() ? " --force" : ""), "", where, attributes);
    }

    /** Wraps labels so {@link Values#environmentTag} finds them under "labels". */
    private static JsonNode mapperless(JsonNode labels) {
        var wrapper = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        wrapper.set("labels", labels);
        return wrapper;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (!value.isEmpty()) {
            map.put(key, value);
        }
    }
}
