package dev.interlock.policy;

import dev.interlock.analysis.catalogue.Catalogue;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of loaded policy: rules indexed by system and verb (so evaluation cost follows the rules that
 * can match, not the total), tier defaults, tests, and a version hash of the sources.
 */
public final class CompiledPolicy {

    private static final String ANY_SYSTEM = "*";

    private final List<Rule> rules;
    private final TierDefaults defaults;
    private final Catalogue catalogue;
    private final List<dev.interlock.analysis.mcp.McpMapping> mcp;
    private final List<PolicyTest> tests;
    private final List<String> policies;
    private final String version;
    private final boolean readsSessionHistory;
    private final Map<String, Map<Verb, List<Rule>>> index = new HashMap<>();

    CompiledPolicy(List<Rule> rules, TierDefaults defaults, List<PolicyTest> tests, List<String> policies, String version,
                   Catalogue catalogue, List<dev.interlock.analysis.mcp.McpMapping> mcp) {
        this.catalogue = catalogue;
        this.mcp = List.copyOf(mcp);
        this.rules = List.copyOf(rules);
        this.defaults = defaults;
        this.tests = List.copyOf(tests);
        this.policies = List.copyOf(policies);
        this.version = version;
        this.readsSessionHistory = this.rules.stream().anyMatch(r -> r.when().map(w -> w.source().contains("session")).orElse(false)
                || r.message().map(m -> m.source().contains("session")).orElse(false));
        for (Rule rule : this.rules) {
            List<String> systems = rule.match().systems().isEmpty() ? List.of(ANY_SYSTEM) : List.copyOf(rule.match().systems());
            List<Verb> verbs = rule.match().verbs().isEmpty() ? List.of(Verb.values()) : List.copyOf(rule.match().verbs());
            for (String system : systems) {
                Map<Verb, List<Rule>> byVerb = index.computeIfAbsent(system, s -> new EnumMap<>(Verb.class));
                for (Verb verb : verbs) {
                    byVerb.computeIfAbsent(verb, v -> new ArrayList<>()).add(rule);
                }
            }
        }
    }

    /** The rules that could match an operation of this system and verb, in policy order. */
    List<Rule> candidates(Operation op) {
        List<Rule> specific = bucket(op.system(), op.verb());
        List<Rule> any = bucket(ANY_SYSTEM, op.verb());
        if (specific.isEmpty()) {
            return any;
        }
        if (any.isEmpty()) {
            return specific;
        }
        List<Rule> both = new ArrayList<>(specific.size() + any.size());
        both.addAll(specific);
        both.addAll(any);
        return both;
    }

    private List<Rule> bucket(String system, Verb verb) {
        Map<Verb, List<Rule>> byVerb = index.get(system);
        if (byVerb == null) {
            return List.of();
        }
        List<Rule> list = byVerb.get(verb);
        return list == null ? List.of() : list;
    }

    /**
     * Whether every call of MCP tool {@code server/tool} by {@code actor} is denied whatever its arguments: an enforced
     * deny rule names the tool, with no condition and nothing else in its match. A gateway hides such tools from
     * {@code tools/list}; a call made anyway is still decided (and denied by that rule).
     */
    public boolean forbidsTool(String server, String tool, dev.interlock.model.Actor actor) {
        String name = server + "/" + tool;
        for (Rule rule : rules) {
            if (rule.effect() == dev.interlock.model.Effect.DENY && rule.enforcement() == dev.interlock.model.Enforcement.ENFORCE
                    && rule.when().isEmpty() && rule.match().coversEveryCallOf(name, actor)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether any rule's condition or message mentions {@code session}: only then does a server need to look up the
     * session's history before deciding (a cost every decision would pay otherwise).
     */
    public boolean readsSessionHistory() {
        return readsSessionHistory;
    }

    public List<Rule> rules() {
        return rules;
    }

    public TierDefaults defaults() {
        return defaults;
    }

    /** The resource catalogue plans are judged with: the shipped one, overridden entry by entry by {@code spec.catalogue}. */
    public Catalogue catalogue() {
        return catalogue;
    }

    /** The policy's own MCP tool mappings ({@code spec.mcp}), consulted before the shipped tables. */
    public List<dev.interlock.analysis.mcp.McpMapping> mcpMappings() {
        return mcp;
    }

    public List<PolicyTest> tests() {
        return tests;
    }

    /** The names of the policies in this snapshot. */
    public List<String> policies() {
        return policies;
    }

    /** {@code sha256:…} over the policy sources, recorded with every decision. */
    public String version() {
        return version;
    }
}
