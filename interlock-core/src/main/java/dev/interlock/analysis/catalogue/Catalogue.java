package dev.interlock.analysis.catalogue;

import dev.interlock.model.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 * The resource types that hold data or cut access, by every name they go by (Terraform type, CloudFormation type,
 * Pulumi token, Kubernetes kind). The shipped one is {@code /interlock/catalogue.yaml}; a policy's
 * {@code spec.catalogue} overrides it entry by entry.
 */
public final class Catalogue {

    public static final String SHIPPED_RESOURCE = "/interlock/catalogue.yaml";
    private static final Catalogue SHIPPED = load();

    private final List<CatalogueEntry> entries;
    private final Map<String, CatalogueEntry> byName;

    private Catalogue(List<CatalogueEntry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, CatalogueEntry> index = new HashMap<>();
        for (CatalogueEntry e : entries) {
            index.put(e.type().toLowerCase(Locale.ROOT), e);
            e.also().forEach(a -> index.put(a.toLowerCase(Locale.ROOT), e));
        }
        this.byName = Map.copyOf(index);
    }

    public static Catalogue shipped() {
        return SHIPPED;
    }

    public List<CatalogueEntry> entries() {
        return entries;
    }

    /** The entry for a type in any tool's spelling (case-insensitive). */
    public Optional<CatalogueEntry> lookup(String type) {
        return type == null || type.isEmpty() ? Optional.empty() : Optional.ofNullable(byName.get(type.toLowerCase(Locale.ROOT)));
    }

    /** The type of a Terraform address ({@code module.db.aws_db_instance.main[0]} → {@code aws_db_instance}), or "". */
    public static String typeOfAddress(String address) {
        String[] parts = address.replaceAll("\\[[^]]*]", "").split("\\.");
        int i = 0;
        while (i + 1 < parts.length && parts[i].equals("module")) {
            i += 2;
        }
        if (i < parts.length && parts[i].equals("data")) {
            i++;
        }
        return i + 1 < parts.length ? parts[i] : "";
    }

    /** These entries first, then the ones of {@code base} not named here. */
    public Catalogue over(Catalogue base) {
        if (entries.isEmpty()) {
            return base;
        }
        List<CatalogueEntry> merged = new ArrayList<>(entries);
        for (CatalogueEntry e : base.entries) {
            if (entries.stream().noneMatch(mine -> mine.type().equalsIgnoreCase(e.type()))) {
                merged.add(e);
            }
        }
        return new Catalogue(merged);
    }

    private static Catalogue load() {
        try (InputStream in = Catalogue.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new CatalogueException("the shipped catalogue " + SHIPPED_RESOURCE + " is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Object root;
            try {
                root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            } catch (MarkedYAMLException e) {
                throw new CatalogueException(SHIPPED_RESOURCE + ":" + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem());
            }
            Object spec = root instanceof Map<?, ?> m ? m.get("spec") : null;
            return parse(spec instanceof Map<?, ?> s ? s.get("types") : null, SHIPPED_RESOURCE);
        } catch (IOException e) {
            throw new CatalogueException("cannot read the shipped catalogue: " + e.getMessage());
        }
    }

    /** Reads a list of entries (the YAML the shipped file and a policy's {@code spec.catalogue} share). */
    public static Catalogue parse(Object types, String source) {
        if (!(types instanceof List<?> list)) {
            throw new CatalogueException(source + ": the catalogue must be a list of {type, holds, what, …} entries");
        }
        List<CatalogueEntry> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = source + ": catalogue[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> e)) {
                throw new CatalogueException(where + " must be a mapping with type, holds and what");
            }
            Object type = e.get("type");
            if (!(type instanceof String t) || t.isBlank()) {
                throw new CatalogueException(where + " has no 'type'");
            }
            String holds = String.valueOf(e.containsKey("holds") ? e.get("holds") : "data");
            if (!holds.equals("data") && !holds.equals("access")) {
                throw new CatalogueException(where + " (" + t + "): holds must be 'data' or 'access', not '" + holds + "'");
            }
            Outcome otherwise;
            try {
                otherwise = e.containsKey("otherwise") ? Wire.parse(Outcome.class, String.valueOf(e.get("otherwise"))) : Outcome.LOST;
            } catch (IllegalArgumentException ex) {
                throw new CatalogueException(where + " (" + t + ").otherwise: " + ex.getMessage());
            }
            out.add(new CatalogueEntry(t, strings(e.get("also"), where + ".also"), holds.equals("data"),
                    String.valueOf(e.containsKey("what") ? e.get("what") : t), conditions(e.get("refused_when"), where),
                    conditions(e.get("lost_when"), where), conditions(e.get("kept_when"), where), otherwise));
        }
        return new Catalogue(out);
    }

    private static List<String> strings(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Collection<?> c)) {
            throw new CatalogueException(where + " must be a list of type names");
        }
        return c.stream().map(String::valueOf).toList();
    }

    private static Map<String, String> conditions(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new CatalogueException(where + ": conditions must map attribute names to values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }
}
