package dev.interlock.environment;

import dev.interlock.model.Tier;
import dev.interlock.model.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Maps names to environments with glob patterns, per locator kind ({@code context}, {@code namespace},
 * {@code profile}, {@code account}, {@code project}, {@code subscription}, {@code workspace}, {@code directory},
 * {@code host}, {@code database}, {@code catalog}, {@code kubeconfig}, {@code cwd}, {@code stack}, {@code cluster}). Environments are
 * tried in order; a user's inventory is consulted before the shipped defaults.
 */
public record Inventory(List<Entry> environments) {

    /** One named environment of a tier and the patterns that select it. */
    public record Entry(String name, Tier tier, Map<String, List<Glob>> match, String source) {
    }

    /** A locator value matched an environment. */
    public record Match(Entry entry, String kind, String value, String pattern) {
        public String explain() {
            return kind + " '" + value + "' matches " + entry.source() + " pattern '" + pattern + "' (" + entry.name() + ")";
        }
    }

    public Inventory {
        environments = List.copyOf(environments);
    }

    public static final String DEFAULT_RESOURCE = "/interlock/default-inventory.yaml";

    /** The shipped inventory: names with prod or prd are prod, stag or stg staging, dev, test or sandbox dev; local clusters local. */
    public static Inventory defaults() {
        try (InputStream in = Inventory.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new InventoryException("the shipped inventory " + DEFAULT_RESOURCE + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default inventory");
        } catch (IOException e) {
            throw new InventoryException("cannot read the shipped inventory: " + e.getMessage());
        }
    }

    /** This inventory first, then {@code fallback}. */
    public Inventory then(Inventory fallback) {
        List<Entry> all = new ArrayList<>(environments);
        all.addAll(fallback.environments);
        return new Inventory(all);
    }

    public Optional<Match> lookup(String kind, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String placed = kind.equals("host") ? Hosts.withoutPublicTld(value) : value;
        for (Entry entry : environments) {
            for (Glob glob : entry.match().getOrDefault(kind, List.of())) {
                // a pattern that itself names the .dev domain (a user's *.acme.dev) still matches it
                if (glob.matches(placed) || !placed.equals(value) && glob.text().toLowerCase(Locale.ROOT).endsWith(".dev")
                        && glob.matches(value)) {
                    return Optional.of(new Match(entry, kind, value, glob.text()));
                }
            }
        }
        return Optional.empty();
    }

    /** The tier an environment name stands for: an inventory environment's name, or a tier's own name. */
    public Optional<Tier> tierOfName(String name) {
        for (Entry entry : environments) {
            if (entry.name().equalsIgnoreCase(name)) {
                return Optional.of(entry.tier());
            }
        }
        try {
            return Optional.of(Wire.parse(Tier.class, name));
        } catch (IllegalArgumentException e) {
            return lookup("environment", name).map(m -> m.entry().tier());
        }
    }

    /** Parses an inventory document; errors name the file and line. */
    public static Inventory parse(String yaml, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (MarkedYAMLException e) {
            throw new InventoryException(source + ":" + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem());
        } catch (RuntimeException e) {
            throw new InventoryException(source + ": not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> doc) || !"Inventory".equals(doc.get("kind"))) {
            throw new InventoryException(source + ": expected a document with 'kind: Inventory' and 'apiVersion: interlock.dev/v1'");
        }
        Object spec = doc.get("spec");
        Object envs = spec instanceof Map<?, ?> s ? s.get("environments") : null;
        if (!(envs instanceof List<?> list)) {
            throw new InventoryException(source + ": spec.environments must be a list of {name, tier, match}");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = source + ": spec.environments[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> e)) {
                throw new InventoryException(where + " must be a mapping with name, tier and match");
            }
            String name = String.valueOf(e.get("name"));
            Tier tier;
            try {
                tier = Wire.parse(Tier.class, String.valueOf(e.containsKey("tier") ? e.get("tier") : name));
            } catch (IllegalArgumentException ex) {
                throw new InventoryException(where + ".tier: " + ex.getMessage());
            }
            Map<String, List<Glob>> match = new LinkedHashMap<>();
            if (e.get("match") instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> kind : m.entrySet()) {
                    List<Glob> globs = new ArrayList<>();
                    if (kind.getValue() instanceof List<?> patterns) {
                        patterns.forEach(p -> globs.add(Glob.of(String.valueOf(p))));
                    } else if (kind.getValue() != null) {
                        globs.add(Glob.of(String.valueOf(kind.getValue())));
                    }
                    match.put(String.valueOf(kind.getKey()), List.copyOf(globs));
                }
            } else if (e.get("match") != null) {
                throw new InventoryException(where + ".match must map locator kinds to lists of patterns");
            }
            entries.add(new Entry(name, tier, match, source));
        }
        return new Inventory(entries);
    }
}
