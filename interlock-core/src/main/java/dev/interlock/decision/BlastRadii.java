package dev.interlock.decision;

import dev.interlock.model.BlastRadius;
import dev.interlock.model.Operation;
import dev.interlock.model.Plan;
import dev.interlock.model.PlanChange;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes a plan's blast radius from its resolved operations. */
public final class BlastRadii {

    private static final List<Verb> ORDER = List.of(Verb.DELETE, Verb.REPLACE, Verb.UPDATE, Verb.CREATE, Verb.READ,
            Verb.EXECUTE, Verb.GRANT, Verb.ESCALATE, Verb.CREDENTIAL, Verb.TRANSFER, Verb.UNKNOWN);
    private static final List<String> NAMING_LOCATORS = List.of("workspace", "stack", "environment", "project", "account",
            "subscription", "resource-group", "context", "namespace", "directory");
    private static final int LISTED = 3;
    /** How the resolver explains an inventory match: {@code workspace 'payments-prod' matches …}. */
    private static final java.util.regex.Pattern DECIDING_LOCATOR = java.util.regex.Pattern.compile("([\\w-]+) '([^']*)' matches");

    private BlastRadii() {
    }

    public static BlastRadius of(Plan plan, List<Operation> ops) {
        Map<Verb, Integer> counts = new EnumMap<>(Verb.class);
        Map<String, Map<Verb, Integer>> byType = new TreeMap<>();
        List<String> holding = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        List<String> access = new ArrayList<>();
        Operation strictest = null;
        for (Operation op : ops) {
            boolean wholePlan = op.scope() == dev.interlock.model.Scope.ALL && (op.resource().type().equals("workspace")
                    || op.resource().type().equals("stack"));
            if (wholePlan) {
                continue;
            }
            counts.merge(op.verb(), 1, Integer::sum);
            byType.computeIfAbsent(op.resource().type(), t -> new EnumMap<>(Verb.class)).merge(op.verb(), 1, Integer::sum);
            if (op.verb().destructive()) {
                String holds = op.resource().locator("holds");
                if (holds.equals("data")) {
                    holding.add(op.resource().name());
                    if (op.resource().locator("data").equals("lost")) {
                        lost.add(op.resource().name());
                    }
                } else if (holds.equals("access")) {
                    access.add(op.resource().name());
                }
            }
            if (op.verb() != Verb.READ && (strictest == null || op.environment().gravity() > strictest.environment().gravity())) {
                strictest = op;
            }
        }
        Map<Verb, Integer> byVerb = new LinkedHashMap<>();
        ORDER.forEach(v -> {
            if (counts.containsKey(v)) {
                byVerb.put(v, counts.get(v));
            }
        });
        Tier tier = strictest == null ? (ops.isEmpty() ? Tier.UNKNOWN : ops.get(0).environment()) : strictest.environment();
        Operation named = strictest != null ? strictest : ops.isEmpty() ? null : ops.get(0);
        String where = named == null ? plan.name() : where(plan, named);
        String source = named == null ? "" : named.environmentSource() + readFrom(plan, named);
        String summary = summary(byVerb, tier, where, holding, lost, plan);
        return new BlastRadius(plan.describe(), plan.digest(), tier, where, source, byVerb, byType, holding, lost, access,
                plan.findings(), plan.unchanged(), summary);
    }

    private static String where(Plan plan, Operation op) {
        java.util.regex.Matcher m = DECIDING_LOCATOR.matcher(op.environmentSource());
        if (m.lookingAt() && !m.group(1).equals("directory") && !m.group(1).equals("cwd")) {
            return m.group(2);
        }
        for (String key : NAMING_LOCATORS) {
            String v = op.resource().locator(key);
            if (!v.isEmpty()) {
                return key.equals("directory") ? lastTwo(v) : v;
            }
        }
        return plan.name();
    }

    /**
     * Where in the plan the locator that decided the environment was read: {@code ; read from variable "environment" = prod},
     * {@code ; read from aws_db_instance.main tags.Environment = production}.
     */
    private static String readFrom(Plan plan, Operation op) {
        java.util.regex.Matcher m = DECIDING_LOCATOR.matcher(op.environmentSource());
        if (!m.lookingAt()) {
            return "";
        }
        String kind = m.group(1);
        if (kind.equals("environment")) {
            for (PlanChange c : plan.changes()) {
                if (c.address().equals(op.resource().name()) && !c.attribute("environment_tag").isEmpty()) {
                    return "; read from " + c.address() + " " + c.attribute("environment_tag");
                }
            }
        }
        String from = plan.sources().getOrDefault(kind, "");
        return from.isEmpty() ? "" : "; read from " + from;
    }

    /** {@code /home/ann/infra/envs/prod} reads as {@code envs/prod}. */
    private static String lastTwo(String path) {
        String[] parts = path.replace('\\', '/').split("/");
        int n = parts.length;
        return n >= 2 && !parts[n - 2].isEmpty() ? parts[n - 2] + "/" + parts[n - 1] : parts[n - 1];
    }

    private static String summary(Map<Verb, Integer> byVerb, Tier tier, String where, List<String> holding,
                                  List<String> lost, Plan plan) {
        StringBuilder s = new StringBuilder();
        if (byVerb.isEmpty()) {
            s.append("no changes");
        } else {
            int total = 0;
            for (var e : byVerb.entrySet()) {
                s.append(s.isEmpty() ? "" : ", ").append(e.getKey().wire()).append(' ').append(e.getValue());
                total += e.getValue();
            }
            s.append(total == 1 ? " resource" : " resources");
        }
        s.append(" in ").append(where.isEmpty() || where.equalsIgnoreCase(tier.wire()) ? tier.wire() : where + " (" + tier.wire() + ")");
        if (!holding.isEmpty()) {
            s.append("; ").append(holding.size()).append(holding.size() == 1 ? " holds data" : " hold data");
            if (!lost.isEmpty() && lost.size() < holding.size()) {
                s.append(" (").append(lost.size()).append(" lost)");
            } else if (lost.isEmpty()) {
                s.append(" (kept or protected)");
            }
            s.append(": ").append(String.join(", ", holding.subList(0, Math.min(LISTED, holding.size()))));
            if (holding.size() > LISTED) {
                s.append(", …");
            }
        }
        if (!plan.findings().isEmpty()) {
            s.append(" [").append(plan.findings().size()).append(plan.findings().size() == 1 ? " finding]" : " findings]");
        }
        return s.toString();
    }
}
