package dev.interlock.analysis.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One resource type of the catalogue.
 *
 * @param type        the Terraform type or Kubernetes kind
 * @param also        the same resource in other tools (CloudFormation, Pulumi, the Terraform kubernetes provider)
 * @param holdsData   true: losing it loses data; false: losing it cuts access (identities, networks, load balancers)
 * @param what        a word for the reviewer
 * @param refusedWhen attribute values under which the provider refuses a delete
 * @param lostWhen    attribute values under which the data goes with it
 * @param keptWhen    attribute values under which a snapshot or window keeps it
 * @param otherwise   the outcome when no attribute decides
 */
public record CatalogueEntry(String type, List<String> also, boolean holdsData, String what, Map<String, String> refusedWhen,
                             Map<String, String> lostWhen, Map<String, String> keptWhen, Outcome otherwise) {

    public CatalogueEntry {
        also = List.copyOf(also);
        refusedWhen = normalized(refusedWhen);
        lostWhen = normalized(lostWhen);
        keptWhen = normalized(keptWhen);
    }

    /**
     * What a delete does to the data, from the resource's attributes before the change (keys in any spelling:
     * {@code deletion_protection}, {@code deletionProtection}, {@code DeletionProtection}).
     */
    public Outcome outcome(Map<String, String> attributes) {
        Map<String, String> values = normalized(attributes);
        if (matching(refusedWhen, values) != null) {
            return Outcome.REFUSED;
        }
        if (matching(lostWhen, values) != null) {
            return Outcome.LOST;
        }
        if (matching(keptWhen, values) != null) {
            return Outcome.KEPT;
        }
        return keptWhen.isEmpty() ? otherwise : Outcome.LOST;
    }

    /** The attribute that decided {@link #outcome}, as {@code name=value}, or "" when the default decided. */
    public String decidedBy(Map<String, String> attributes) {
        Map<String, String> values = normalized(attributes);
        for (Map<String, String> conditions : List.of(refusedWhen, lostWhen, keptWhen)) {
            String key = matching(conditions, values);
            if (key != null) {
                return originalKey(attributes, key) + "=" + values.get(key);
            }
        }
        // Nothing kept it: name the values that would have ({@code skip_final_snapshot=true}).
        for (var c : keptWhen.entrySet()) {
            if (values.containsKey(c.getKey())) {
                return originalKey(attributes, c.getKey()) + "=" + values.get(c.getKey());
            }
        }
        return keptWhen.isEmpty() ? "" : "no " + String.join(" or ", keptWhen.keySet());
    }

    /** The (normalized) attribute whose value meets one of {@code conditions}, or null. */
    private static String matching(Map<String, String> conditions, Map<String, String> values) {
        for (var c : conditions.entrySet()) {
            String v = values.get(c.getKey());
            if (v != null && satisfies(c.getValue(), v)) {
                return c.getKey();
            }
        }
        return null;
    }

    /** {@code "!x"}: set and not x ({@code "!"}: set and not empty); otherwise equal, ignoring case. */
    private static boolean satisfies(String condition, String value) {
        if (condition.startsWith("!")) {
            return !value.isEmpty() && !value.equalsIgnoreCase("null") && !value.equalsIgnoreCase(condition.substring(1));
        }
        return value.equalsIgnoreCase(condition);
    }

    private static String originalKey(Map<String, String> attributes, String normalizedKey) {
        for (String k : attributes.keySet()) {
            if (key(k).equals(normalizedKey)) {
                return k;
            }
        }
        return normalizedKey;
    }

    /** One spelling for attribute names across tools: lower case, letters and digits only. */
    public static String key(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    private static Map<String, String> normalized(Map<String, String> map) {
        Map<String, String> out = new java.util.HashMap<>();
        map.forEach((k, v) -> out.put(key(k), v == null ? "" : v.toLowerCase(Locale.ROOT)));
        return Map.copyOf(out);
    }
}
