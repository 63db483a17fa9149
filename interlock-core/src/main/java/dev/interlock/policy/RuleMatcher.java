package dev.interlock.policy;

import dev.interlock.model.Actor;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Risk;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rule's {@code match} clause: plain set membership, checked before any CEL runs. An empty set matches anything.
 * {@code agents} entries may end with {@code *}. {@code tools} are globs over an MCP call's {@code SERVER/TOOL}: a rule
 * that names tools matches only MCP tool calls.
 */
public record RuleMatcher(Set<String> systems, Set<Verb> verbs, Set<Tier> environments, Set<String> agents,
                          Set<String> resourceTypes, Set<Confidence> confidences, Set<Risk> risks, List<Pattern> tools) {

    public static final RuleMatcher ANY = new RuleMatcher(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), List.of());

    public RuleMatcher {
        systems = Set.copyOf(systems);
        verbs = Set.copyOf(verbs);
        environments = Set.copyOf(environments);
        agents = Set.copyOf(agents);
        resourceTypes = Set.copyOf(resourceTypes);
        confidences = Set.copyOf(confidences);
        risks = Set.copyOf(risks);
        tools = List.copyOf(tools);
    }

    /** {@code tool} is the MCP call's {@code SERVER/TOOL}, or null when the request is not an MCP tool call. */
    public boolean matches(Operation op, Actor actor, String tool) {
        return (tools.isEmpty() || tool != null && namesTool(tool))
                && (systems.isEmpty() || systems.contains(op.system()))
                && (verbs.isEmpty() || verbs.contains(op.verb()))
                && (environments.isEmpty() || environments.contains(op.environment()))
                && (resourceTypes.isEmpty() || resourceTypes.contains(op.resource().type()))
                && (confidences.isEmpty() || confidences.contains(op.confidence()))
                && (risks.isEmpty() || risks.contains(op.risk()))
                && (agents.isEmpty() || agentMatches(actor.agent()));
    }

    /**
     * Whether this clause holds for every call of {@code tool} by this actor, whatever its arguments: it names the
     * tool and nothing that depends on what the call does.
     */
    public boolean coversEveryCallOf(String tool, Actor actor) {
        return !tools.isEmpty() && namesTool(tool) && systems.isEmpty() && verbs.isEmpty() && environments.isEmpty()
                && resourceTypes.isEmpty() && confidences.isEmpty() && risks.isEmpty()
                && (agents.isEmpty() || agentMatches(actor.agent()));
    }

    private boolean namesTool(String tool) {
        for (Pattern p : tools) {
            if (p.matcher(tool).matches()) {
                return true;
            }
        }
        return false;
    }

    private boolean agentMatches(String agent) {
        for (String pattern : agents) {
            if (pattern.endsWith("*") ? agent.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(agent)) {
                return true;
            }
        }
        return false;
    }
}
