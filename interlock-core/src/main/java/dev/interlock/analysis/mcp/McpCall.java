package dev.interlock.analysis.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;

/**
 * One tool call as the mapping tables see it: the server's configured name, the tool, its arguments, and the
 * analyses a mapping can hand parts of the call to (shell, SQL, file edits, manifests).
 */
record McpCall(String server, String tool, JsonNode arguments, Analyses analyses) {

    /** The first of {@code names} that is a non-empty string argument, or "". */
    String text(String... names) {
        for (String n : names) {
            JsonNode v = arguments.get(n);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
            if (v != null && (v.isNumber() || v.isBoolean())) {
                return v.asText();
            }
        }
        return "";
    }

    boolean flag(String... names) {
        for (String n : names) {
            JsonNode v = arguments.get(n);
            if (v != null && (v.asBoolean(false) || v.isTextual() && v.asText().equalsIgnoreCase("true"))) {
                return true;
            }
        }
        return false;
    }

    /** A string argument or an array of strings, as a list ({@code cli_command: "aws …" | ["aws …", …]}). */
    List<String> texts(String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            JsonNode v = arguments.get(n);
            if (v == null) {
                continue;
            }
            if (v.isArray()) {
                v.forEach(x -> {
                    if (x.isValueNode()) {
                        out.add(x.asText());
                    }
                });
            } else if (v.isValueNode() && !v.isNull()) {
                out.add(v.asText());
            }
        }
        return out;
    }

    /** The call as a reviewer reads it: {@code kubernetes.resources_delete {"kind":"Namespace",…}} (at most 300 characters). */
    Evidence evidence() {
        String args = arguments.toString();
        String text = server + "." + tool + " " + (args.length() > 260 ? args.substring(0, 260) + "…" : args);
        return Evidence.text(text);
    }

    Operation.Builder op(String system, Verb verb, String type, String name) {
        return Operation.builder(system, verb).resource(type, name).evidence(evidence()).locator("mcp-server", server);
    }

    /** What no table knows: an opaque call, never allowed in prod or unknown. */
    Operation opaque(String why) {
        return op("mcp", Verb.UNKNOWN, "tool", server + "." + tool).confidence(Confidence.OPAQUE).reversible(false)
                .note(why).build();
    }
}
