package dev.interlock.analysis.shell.recognizers.elt;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.database.DatabaseTarget;
import dev.interlock.environment.Hosts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One end of a Sling copy, as its connection and stream or object name it: a connection URL
 * ({@code postgresql://…@db.prod.internal/app}), a connection named by a variable of the same name that holds its URL
 * (as Sling reads them) or only by its name ({@code PG_PROD}), a file here ({@code file://./x.csv}, {@code duckdb://…},
 * {@code sqlite://…}) or a bucket's object ({@code s3://bucket/key}).
 *
 * @param locators where it is ({@code host}, {@code database}, {@code bucket}); empty for this machine
 * @param here     a file or an embedded database on this machine
 */
record SlingConnection(String name, Map<String, String> locators, boolean here) {

    static final SlingConnection NONE = new SlingConnection("", Map.of(), false);

    /** URL schemes of stores kept in a file on this machine. */
    private static final Set<String> FILE_SCHEMES = Set.of("file", "duckdb", "sqlite", "local");
    private static final Set<String> BUCKET_SCHEMES = Set.of("s3", "gs", "gcs", "az", "abfs", "abfss", "azure", "r2");
    /** Words of a connection's name that say it is a file or an embedded database here ({@code DUCKDB_LOCAL}). */
    private static final Set<String> HERE_WORDS = Set.of("local", "localhost", "duckdb", "sqlite", "file", "files");

    boolean isEmpty() {
        return name.isEmpty();
    }

    boolean bucket() {
        return locators.containsKey("bucket");
    }

    /** The connection {@code value} names, a URL read from the variable of that name when the request's environment has one. */
    static SlingConnection of(String value, Invocation inv) {
        if (value.isEmpty()) {
            return NONE;
        }
        String url = value.contains("://") ? value : inv.env().getOrDefault(value, "");
        if (!url.contains("://")) {
            boolean here = List.of(value.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).stream().anyMatch(HERE_WORDS::contains)
                    || !value.contains(":") && (value.startsWith("/") || value.startsWith("./") || value.startsWith("~"));
            return new SlingConnection(value, here ? Map.of() : Map.of("database", value), here);
        }
        String scheme = url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT);
        if (FILE_SCHEMES.contains(scheme)) {
            return new SlingConnection(value, Map.of(), true);
        }
        if (BUCKET_SCHEMES.contains(scheme)) {
            String rest = url.substring(url.indexOf("://") + 3);
            return new SlingConnection(value, Map.of("bucket", rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest), false);
        }
        DatabaseTarget target = DatabaseTarget.fromUrl(url);
        Map<String, String> locators = new LinkedHashMap<>();
        if (!target.host().isEmpty()) {
            locators.put("host", target.host());
        }
        if (!target.database().isEmpty()) {
            locators.put("database", target.database());
        }
        if (locators.isEmpty() && !value.contains("://")) {
            locators.put("database", value);
        }
        return new SlingConnection(value, Map.copyOf(locators), Hosts.loopback(target.host()));
    }
}
