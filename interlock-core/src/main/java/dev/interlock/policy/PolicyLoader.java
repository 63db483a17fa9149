package dev.interlock.policy;

import dev.interlock.analysis.catalogue.Catalogue;
import dev.interlock.analysis.catalogue.CatalogueException;
import dev.cel.common.types.SimpleType;
import dev.interlock.model.ApprovalTerms;
import dev.interlock.model.Confidence;
import dev.interlock.model.Effect;
import dev.interlock.model.Enforcement;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Risk;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import dev.interlock.model.Wire;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses and compiles policy documents ({@code apiVersion: interlock.dev/v1}, {@code kind: Policy}). Every error is a
 * {@link PolicyException} naming file, line and column; nothing half-loaded escapes.
 */
public final class PolicyLoader {

    private static final List<String> DOC_FIELDS = List.of("apiVersion", "kind", "metadata", "spec");
    private static final List<String> SPEC_FIELDS = List.of("rules", "defaults", "tests", "catalogue", "mcp");
    private static final List<String> MCP_FIELDS = List.of("server", "tool", "when", "operation", "shell", "sql", "dialect");
    private static final List<String> MCP_OPERATION_FIELDS = List.of("system", "verb", "type", "name", "scope", "stateful");
    private static final List<String> RULE_FIELDS = List.of("id", "description", "match", "when", "effect", "approval",
            "message", "enforcement");
    private static final List<String> MATCH_FIELDS = List.of("systems", "verbs", "environments", "agents",
            "resource_types", "resourceTypes", "confidence", "risk", "tools");
    private static final List<String> APPROVAL_FIELDS = List.of("approvers", "count", "requester_may_approve",
            "expires", "min_review", "confirm", "max_grant");
    private static final List<String> TEST_FIELDS = List.of("name", "request", "expect");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private PolicyLoader() {
    }

    public static CompiledPolicy load(List<PolicyFile> files) {
        return load(files, true);
    }

    /**
     * As {@link #load(List)}, but CEL is compiled at first evaluation: for a policy already verified (compiled and
     * tested) whose hash is unchanged. Structure errors still throw here.
     */
    public static CompiledPolicy loadVerified(List<PolicyFile> files) {
        return load(files, false);
    }

    private static CompiledPolicy load(List<PolicyFile> files, boolean compileNow) {
        List<Rule> rules = new ArrayList<>();
        List<PolicyTest> tests = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<Tier, Map<Risk, Effect>> defaults = new EnumMap<>(Tier.class);
        Map<String, SourceLocation> ids = new HashMap<>();
        Catalogue catalogue = Catalogue.shipped();
        List<dev.interlock.analysis.mcp.McpMapping> mcp = new ArrayList<>();
        for (PolicyFile file : files) {
            for (YamlNode doc : documents(file)) {
                Map<String, YamlNode> top = doc.strictMap("a policy document", DOC_FIELDS);
                String kind = required(top, "kind", doc, "the document").scalar("kind");
                if (kind.equals("Inventory")) {
                    continue;
                }
                if (!kind.equals("Policy")) {
                    throw PolicyException.at(top.get("kind").where(), "kind must be Policy, not '" + kind + "'");
                }
                String api = required(top, "apiVersion", doc, "the document").scalar("apiVersion");
                if (!api.equals("interlock.dev/v1")) {
                    throw PolicyException.at(top.get("apiVersion").where(), "apiVersion must be interlock.dev/v1, not '" + api + "'");
                }
                YamlNode metadata = required(top, "metadata", doc, "the document");
                String name = required(metadata.map("metadata"), "name", metadata, "metadata").scalar("metadata.name");
                names.add(name);
                Map<String, YamlNode> spec = required(top, "spec", doc, "the document").strictMap("spec", SPEC_FIELDS);
                if (spec.containsKey("defaults")) {
                    readDefaults(spec.get("defaults"), defaults);
                }
                if (spec.containsKey("rules")) {
                    for (YamlNode r : spec.get("rules").list("spec.rules")) {
                        Rule rule = rule(r, name, compileNow);
                        SourceLocation earlier = ids.putIfAbsent(rule.id(), rule.where());
                        if (earlier != null) {
                            throw PolicyException.at(rule.where(), "rule id '" + rule.id() + "' is already used at " + earlier);
                        }
                        rules.add(rule);
                    }
                }
                if (spec.containsKey("tests")) {
                    for (YamlNode t : spec.get("tests").list("spec.tests")) {
                        tests.add(test(t, name));
                    }
                }
                if (spec.containsKey("mcp")) {
                    for (YamlNode m : spec.get("mcp").list("spec.mcp")) {
                        mcp.add(mcpMapping(m));
                    }
                }
                if (spec.containsKey("catalogue")) {
                    YamlNode c = spec.get("catalogue");
                    try {
                        catalogue = Catalogue.parse(c.plain(), file.name()).over(catalogue);
                    } catch (CatalogueException e) {
                        throw PolicyException.at(c.where(), "spec.catalogue: " + e.getMessage().replaceFirst("^" + java.util.regex.Pattern.quote(file.name()) + ": ", ""));
                    }
                }
            }
        }
        if (names.isEmpty()) {
            throw new PolicyException(files.isEmpty() ? "no policy files given" : files.getFirst().name() + ": no 'kind: Policy' document");
        }
        return new CompiledPolicy(rules, new TierDefaults(defaults), tests, names, PolicyFile.version(files), catalogue, mcp);
    }

    private static List<YamlNode> documents(PolicyFile file) {
        List<YamlNode> docs = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(32 << 20); // 10,000-rule policies are real; 32 MiB still bounds a hostile file
        try {
            // The composer alone, not org.yaml.snakeyaml.Yaml: nodes with their marks are all this needs, and a hook
            // process that loads the policy at every tool call should not pay for constructors and representers.
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(file.text())), options), new Resolver(), options);
            while (composer.checkNode()) {
                Node n = composer.getNode();
                if (n != null) {
                    docs.add(new YamlNode(n, file.name()));
                }
            }
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new PolicyException(file.name() + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1)
                    + ": not valid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new PolicyException(file.name() + ": not valid YAML: " + e.getMessage());
        }
        if (docs.isEmpty()) {
            throw new PolicyException(file.name() + ":1:1: empty policy file");
        }
        return docs;
    }

    private static YamlNode required(Map<String, YamlNode> map, String key, YamlNode parent, String what) {
        YamlNode n = map.get(key);
        if (n == null) {
            throw PolicyException.at(parent.where(), what + " needs '" + key + "'");
        }
        return n;
    }

    private static Rule rule(YamlNode node, String policy, boolean compileNow) {
        Map<String, YamlNode> f = node.strictMap("a rule", RULE_FIELDS);
        String id = required(f, "id", node, "a rule").scalar("id");
        if (!ID.matcher(id).matches()) {
            throw PolicyException.at(f.get("id").where(), "rule id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        String ctx = "rule '" + id + "'";
        Effect effect = parse(Effect.class, required(f, "effect", node, ctx), "effect");
        RuleMatcher match = f.containsKey("match") ? matcher(f.get("match")) : RuleMatcher.ANY;
        Optional<CelExpression> when = YamlNode.optional(f, "when")
                .map(w -> cel(w.scalar("when"), SimpleType.BOOL, valueStart(w), "when", compileNow));
        Optional<CelExpression> message = YamlNode.optional(f, "message")
                .map(m -> cel(m.scalar("message"), SimpleType.STRING, valueStart(m), "message", compileNow));
        Enforcement enforcement = f.containsKey("enforcement") ? parse(Enforcement.class, f.get("enforcement"), "enforcement") : Enforcement.ENFORCE;
        Optional<ApprovalTerms> approval = YamlNode.optional(f, "approval").map(PolicyLoader::approval);
        if (approval.isPresent() && effect != Effect.REQUIRE_APPROVAL) {
            throw PolicyException.at(f.get("approval").where(), ctx + " has approval terms but its effect is " + effect.wire());
        }
        String description = YamlNode.optional(f, "description").map(d -> d.scalar("description")).orElse("");
        return new Rule(id, policy, description, match, when, effect, approval, message, enforcement, node.where());
    }

    /** A {@code spec.mcp} entry: which calls, and what they are (an operation, or a command line or SQL built from args). */
    private static dev.interlock.analysis.mcp.McpMapping mcpMapping(YamlNode node) {
        Map<String, YamlNode> f = node.strictMap("an mcp mapping", MCP_FIELDS);
        String tool = required(f, "tool", node, "an mcp mapping").scalar("tool");
        String server = YamlNode.optional(f, "server").map(n -> n.scalar("server")).orElse("*");
        Optional<CelExpression> when = YamlNode.optional(f, "when").map(w -> CelExpressions.compile(w.scalar("when"), SimpleType.BOOL, valueStart(w), "when"));
        Optional<CelExpression> shell = YamlNode.optional(f, "shell").map(w -> CelExpressions.compile(w.scalar("shell"), SimpleType.STRING, valueStart(w), "shell"));
        Optional<CelExpression> sql = YamlNode.optional(f, "sql").map(w -> CelExpressions.compile(w.scalar("sql"), SimpleType.STRING, valueStart(w), "sql"));
        int kinds = (shell.isPresent() ? 1 : 0) + (sql.isPresent() ? 1 : 0) + (f.containsKey("operation") ? 1 : 0);
        if (kinds != 1) {
            throw PolicyException.at(node.where(), "an mcp mapping for '" + tool + "' needs exactly one of operation, shell or sql");
        }
        Optional<Operation> operation = Optional.empty();
        Optional<CelExpression> name = Optional.empty();
        if (f.containsKey("operation")) {
            Map<String, YamlNode> o = f.get("operation").strictMap("operation", MCP_OPERATION_FIELDS);
            String system = required(o, "system", f.get("operation"), "operation").scalar("system");
            Verb verb = parse(Verb.class, required(o, "verb", f.get("operation"), "operation"), "verb");
            String type = YamlNode.optional(o, "type").map(t -> t.scalar("type")).orElse("tool");
            Scope scope = o.containsKey("scope") ? parse(Scope.class, o.get("scope"), "scope") : Scope.ONE;
            boolean stateful = YamlNode.optional(o, "stateful").map(t -> Boolean.parseBoolean(t.scalar("stateful"))).orElse(false);
            operation = Optional.of(PolicyMcpMapping.template(system, verb, type, scope, stateful));
            name = YamlNode.optional(o, "name").map(w -> CelExpressions.compile(w.scalar("name"), SimpleType.STRING, valueStart(w), "name"));
        }
        return new PolicyMcpMapping(server, dev.interlock.model.GlobPattern.compile(server, false), tool,
                dev.interlock.model.GlobPattern.compile(tool, false), when, operation, name, shell, sql,
                YamlNode.optional(f, "dialect").map(d -> d.scalar("dialect")).orElse(""), node.where());
    }

    private static CelExpression cel(String source, dev.cel.common.types.CelType type, SourceLocation where, String field,
                                     boolean compileNow) {
        return compileNow ? CelExpressions.compile(source, type, where, field) : CelExpressions.defer(source, type, where, field);
    }

    /** Where the expression text starts: quoted scalars start one column later than their node. */
    private static SourceLocation valueStart(YamlNode n) {
        SourceLocation w = n.where();
        var style = ((org.yaml.snakeyaml.nodes.ScalarNode) n.node()).getScalarStyle();
        boolean quoted = style == org.yaml.snakeyaml.DumperOptions.ScalarStyle.DOUBLE_QUOTED
                || style == org.yaml.snakeyaml.DumperOptions.ScalarStyle.SINGLE_QUOTED;
        boolean block = style == org.yaml.snakeyaml.DumperOptions.ScalarStyle.LITERAL
                || style == org.yaml.snakeyaml.DumperOptions.ScalarStyle.FOLDED;
        if (block) {
            return new SourceLocation(w.file(), w.line() + 1, 1);
        }
        return quoted ? new SourceLocation(w.file(), w.line(), w.column() + 1) : w;
    }

    private static RuleMatcher matcher(YamlNode node) {
        Map<String, YamlNode> f = node.strictMap("match", MATCH_FIELDS);
        YamlNode types = f.containsKey("resource_types") ? f.get("resource_types") : f.get("resourceTypes");
        return new RuleMatcher(
                strings(f.get("systems"), "match.systems"),
                enums(Verb.class, f.get("verbs"), "match.verbs"),
                enums(Tier.class, f.get("environments"), "match.environments"),
                strings(f.get("agents"), "match.agents"),
                strings(types, "match.resource_types"),
                enums(Confidence.class, f.get("confidence"), "match.confidence"),
                enums(Risk.class, f.get("risk"), "match.risk"),
                strings(f.get("tools"), "match.tools").stream().map(g -> dev.interlock.model.GlobPattern.compile(g, false)).toList());
    }

    private static Set<String> strings(YamlNode node, String what) {
        return node == null ? Set.of() : new LinkedHashSet<>(node.strings(what));
    }

    private static <E extends Enum<E> & Wire> Set<E> enums(Class<E> type, YamlNode node, String what) {
        if (node == null) {
            return Set.of();
        }
        Set<E> out = new LinkedHashSet<>();
        for (String s : node.strings(what)) {
            try {
                out.add(Wire.parse(type, s));
            } catch (IllegalArgumentException e) {
                throw PolicyException.at(node.where(), what + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static <E extends Enum<E> & Wire> E parse(Class<E> type, YamlNode node, String what) {
        try {
            return Wire.parse(type, node.scalar(what));
        } catch (IllegalArgumentException e) {
            throw PolicyException.at(node.where(), what + ": " + e.getMessage());
        }
    }

    private static ApprovalTerms approval(YamlNode node) {
        Map<String, YamlNode> f = node.strictMap("approval", APPROVAL_FIELDS);
        ApprovalTerms d = ApprovalTerms.DEFAULT;
        List<String> approvers = f.containsKey("approvers") ? f.get("approvers").strings("approval.approvers") : d.approvers();
        int count = f.containsKey("count") ? integer(f.get("count"), "approval.count") : d.count();
        boolean mayApprove = f.containsKey("requester_may_approve")
                ? bool(f.get("requester_may_approve"), "approval.requester_may_approve") : d.requesterMayApprove();
        Duration expires = f.containsKey("expires") ? duration(f.get("expires"), "approval.expires") : d.expires();
        Duration minReview = f.containsKey("min_review") ? duration(f.get("min_review"), "approval.min_review") : d.minReview();
        String confirm = f.containsKey("confirm") ? f.get("confirm").scalar("approval.confirm") : d.confirm();
        if (!confirm.equals("none") && !confirm.equals("resource-name")) {
            throw PolicyException.at(f.get("confirm").where(), "approval.confirm must be none or resource-name, not '" + confirm + "'");
        }
        Duration maxGrant = f.containsKey("max_grant") ? duration(f.get("max_grant"), "approval.max_grant") : d.maxGrant();
        return new ApprovalTerms(approvers, count, mayApprove, expires, minReview, confirm, maxGrant);
    }

    private static int integer(YamlNode n, String what) {
        try {
            int v = Integer.parseInt(n.scalar(what));
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw PolicyException.at(n.where(), what + " must be a whole number of at least 1");
        }
    }

    private static boolean bool(YamlNode n, String what) {
        String v = n.scalar(what);
        if (!v.equals("true") && !v.equals("false")) {
            throw PolicyException.at(n.where(), what + " must be true or false, not '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    /** {@code 30m}, {@code 15s}, {@code 1h30m}, {@code 2d} ({@link DurationText}). */
    static Duration duration(YamlNode n, String what) {
        String text = n.scalar(what).trim();
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw PolicyException.at(n.where(), what + " must be a duration like 30s, 15m, 1h30m or 2d, not '" + text + "'");
        }
    }

    private static void readDefaults(YamlNode node, Map<Tier, Map<Risk, Effect>> into) {
        for (Map.Entry<String, YamlNode> tierEntry : node.map("spec.defaults").entrySet()) {
            Tier tier = parseWire(Tier.class, tierEntry.getKey(), tierEntry.getValue(), "spec.defaults tier");
            for (Map.Entry<String, YamlNode> riskEntry : tierEntry.getValue().map("spec.defaults." + tierEntry.getKey()).entrySet()) {
                Risk risk = parseWire(Risk.class, riskEntry.getKey(), riskEntry.getValue(), "spec.defaults." + tierEntry.getKey() + " risk");
                Effect effect = parse(Effect.class, riskEntry.getValue(), "spec.defaults." + tierEntry.getKey() + "." + risk.wire());
                into.computeIfAbsent(tier, t -> new EnumMap<>(Risk.class)).merge(risk, effect, Effect::strictest);
            }
        }
    }

    private static <E extends Enum<E> & Wire> E parseWire(Class<E> type, String text, YamlNode at, String what) {
        try {
            return Wire.parse(type, text);
        } catch (IllegalArgumentException e) {
            throw PolicyException.at(at.where(), what + ": " + e.getMessage());
        }
    }

    private static PolicyTest test(YamlNode node, String policy) {
        Map<String, YamlNode> f = node.strictMap("a test", TEST_FIELDS);
        String name = required(f, "name", node, "a test").scalar("name");
        YamlNode request = required(f, "request", node, "test '" + name + "'");
        request.map("test '" + name + "' request");
        String expect = required(f, "expect", node, "test '" + name + "'").scalar("expect").replace('-', '_');
        if (!List.of("allow", "ask", "require_approval", "deny", "not_allow").contains(expect)) {
            throw PolicyException.at(f.get("expect").where(), "test '" + name + "': expect must be allow, ask, require_approval, deny or not-allow");
        }
        return new PolicyTest(name, policy, request.plain(), expect.replace("not_allow", "not-allow"), node.where());
    }


}
