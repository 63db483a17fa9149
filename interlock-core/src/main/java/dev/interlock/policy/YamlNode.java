package dev.interlock.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** A YAML node that remembers where it was written, so every policy error can name file, line and column. */
record YamlNode(Node node, String file) {

    SourceLocation where() {
        return new SourceLocation(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    /** The entries of a mapping, in order; fails with the location when this is not a mapping. */
    Map<String, YamlNode> map(String what) {
        if (!(node instanceof MappingNode mapping)) {
            throw PolicyException.at(where(), what + " must be a mapping");
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            YamlNode key = new YamlNode(t.getKeyNode(), file);
            String name = key.scalar(what + " key");
            if (out.put(name, new YamlNode(t.getValueNode(), file)) != null) {
                throw PolicyException.at(key.where(), "'" + name + "' is given twice in " + what);
            }
        }
        return out;
    }

    /** Rejects keys outside {@code allowed} (a typo like {@code mach:} must not silently disable a rule). */
    Map<String, YamlNode> strictMap(String what, List<String> allowed) {
        Map<String, YamlNode> entries = map(what);
        for (Map.Entry<String, YamlNode> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw PolicyException.at(e.getValue().where(), "unknown field '" + e.getKey() + "' in " + what
                        + " (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
        return entries;
    }

    List<YamlNode> list(String what) {
        if (!(node instanceof SequenceNode seq)) {
            throw PolicyException.at(where(), what + " must be a list");
        }
        return seq.getValue().stream().map(n -> new YamlNode(n, file)).toList();
    }

    /** A list of scalars; a single scalar is accepted as a list of one. */
    List<String> strings(String what) {
        if (node instanceof ScalarNode) {
            return List.of(scalar(what));
        }
        return list(what).stream().map(n -> n.scalar(what + " entry")).toList();
    }

    String scalar(String what) {
        if (!(node instanceof ScalarNode s)) {
            throw PolicyException.at(where(), what + " must be a single value, not a " + (isMap() ? "mapping" : "list"));
        }
        return s.getValue();
    }

    /** Plain Java values (maps, lists, strings, numbers, booleans) for request payloads in policy tests. */
    Object plain() {
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            String tag = s.getTag().getValue();
            if (tag.endsWith(":bool")) {
                return Boolean.parseBoolean(v);
            }
            if (tag.endsWith(":int")) {
                try {
                    return Long.parseLong(v);
                } catch (NumberFormatException e) {
                    return v;
                }
            }
            if (tag.endsWith(":null")) {
                return null;
            }
            return v;
        }
        if (node instanceof SequenceNode) {
            List<Object> out = new ArrayList<>();
            list("value").forEach(n -> out.add(n.plain()));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map("value").forEach((k, v) -> out.put(k, v.plain()));
        return out;
    }

    static Optional<YamlNode> optional(Map<String, YamlNode> map, String key) {
        return Optional.ofNullable(map.get(key));
    }
}
