package dev.interlock.policy;

import dev.interlock.model.Actor;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Risk;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.Set;

/**
 * A rule's {@code match} clause: plain set membership, checked before any CEL runs. An empty set matches anything.
 * {@code agents} entries may end with {@code *}.
 */
public record RuleMatcher(Set<String> systems, Set<Verb> verbs, Set<Tier> environments, Set<String> agents,
                          Set<String> resourceTypes, Set<Confidence> confidences, Set<Risk> risks) {

    public static final RuleMatcher ANY = new RuleMatcher(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public RuleMatcher {
        systems = Set.copyOf(systems);
        verbs = Set.copyOf(verbs);
        environments = Set.copyOf(environments);
        agents = Set.copyOf(agents);
        resourceTypes = Set.copyOf(resourceTypes);
        confidences = Set.copyOf(confidences);
        risks = Set.copyOf(risks);
    }

    public boolean matches(Operation op, Actor actor) {
        return (systems.isEmpty() || systems.contains(op.system()))
                && (verbs.isEmpty() || verbs.contains(op.verb()))
                && (environments.isEmpty() || environments.contains(op.environment()))
                && (resourceTypes.isEmpty() || resourceTypes.contains(op.resource().type()))
                && (confidences.isEmpty() || confidences.contains(op.confidence()))
                && (risks.isEmpty() || risks.contains(op.risk()))
                && (agents.isEmpty() || agentMatches(actor.agent()));
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
