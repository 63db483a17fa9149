package dev.interlock.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.runtime.CelEvaluationException;
import dev.interlock.analysis.mcp.Analyses;
import dev.interlock.analysis.mcp.McpMapping;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code spec.mcp} entry: server and tool globs, an optional CEL {@code when} over {@code args}, and what the call
 * is — an {@code operation} (system, verb, type, a CEL {@code name}, scope, stateful), a {@code shell} command line
 * or {@code sql} built by CEL from the arguments (then judged by that analysis). A CEL error is an opaque operation,
 * never an allow.
 */
record PolicyMcpMapping(String serverGlob, Pattern server, String toolGlob, Pattern tool, Optional<CelExpression> when,
                        Optional<Operation> operation, Optional<CelExpression> name, Optional<CelExpression> shell,
                        Optional<CelExpression> sql, String dialect, SourceLocation where) implements McpMapping {

    @Override
    public Optional<List<Operation>> map(String serverName, String toolName, JsonNode arguments, Analyses analyses) {
        if (!server.matcher(serverName).matches() || !tool.matcher(toolName).matches()) {
            return Optional.empty();
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("args", plain(arguments));
        vars.put("op", Map.of());
        vars.put("request", Map.of("server", serverName, "tool", toolName));
        vars.put("actor", Map.of());
        vars.put("context", Map.of());
        try {
            if (when.isPresent() && !Boolean.TRUE.equals(when.get().eval(vars))) {
                return Optional.empty();
            }
            Evidence evidence = Evidence.text(serverName + "." + toolName + " " + arguments);
            if (shell.isPresent()) {
                return Optional.of(analyses.shell(String.valueOf(shell.get().eval(vars))));
            }
            if (sql.isPresent()) {
                return Optional.of(analyses.sql(String.valueOf(sql.get().eval(vars)), dialect));
            }
            Operation template = operation.orElseThrow();
            Operation.Builder b = template.toBuilder().evidence(evidence)
                    .note("mapped by the policy's spec.mcp entry at " + where);
            if (name.isPresent()) {
                b.resource(template.resource().type(), String.valueOf(name.get().eval(vars)));
            }
            return Optional.of(List.of(b.build()));
        } catch (CelEvaluationException | RuntimeException e) {
            return Optional.of(List.of(Operation.builder("mcp", Verb.UNKNOWN).resource("tool", serverName + "." + toolName)
                    .confidence(Confidence.OPAQUE).reversible(false).evidence(Evidence.text(serverName + "." + toolName))
                    .note("the policy's mapping at " + where + " failed on these arguments: " + e.getMessage()).build()));
        }
    }

    /** JSON as CEL values: maps, lists, strings, booleans, int64, double. */
    static Object plain(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return com.google.protobuf.NullValue.NULL_VALUE;
        }
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(plain(x)));
            return l;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        return n.asText();
    }

    static Operation template(String system, Verb verb, String type, Scope scope, boolean stateful) {
        return Operation.builder(system, verb).resource(type, "").scope(scope).stateful(stateful)
                .reversible(!(stateful && verb.destructive())).build();
    }
}
