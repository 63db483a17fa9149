package dev.interlock.analysis.shell.recognizers.kubernetes;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which {@code kubectl get} output formats print a Secret's values. The table, {@code wide} and {@code name} show names,
 * types and ages; yaml, json and templates print {@code data}. A jsonpath or custom-columns format that picks only
 * names, types and labels ({@code -o jsonpath='{.items[*].metadata.name}'}, {@code -o custom-columns=NAME:.metadata.name})
 * prints no value either. Annotations are not among them: the last-applied configuration carries the data.
 */
final class SecretOutputs {

    private static final Set<String> FIELD_FORMATS = Set.of("jsonpath", "jsonpath-as-json", "custom-columns");
    /** A field reference in a jsonpath or custom-columns format. */
    private static final Pattern FIELD = Pattern.compile("\\.[\\w.\\[\\]*-]*");
    /** Fields that name a Secret without its contents (lower case: the format is compared lower-cased). */
    private static final Pattern METADATA = Pattern.compile(
            "(\\.items(\\[[\\d*]+])?)?(\\.metadata\\.(name|namespace|uid|creationtimestamp|labels(\\.[\\w.-]+)?)|\\.type|\\.kind)?");

    private SecretOutputs() {
    }

    /** True when {@code output} (the {@code -o} value, lower-cased) or a {@code --template} prints secret values. */
    static boolean revealing(String output, boolean template) {
        if (template) {
            return true;
        }
        return !output.isEmpty() && !output.equals("wide") && !output.equals("name") && !metadataOnly(output);
    }

    private static boolean metadataOnly(String output) {
        int eq = output.indexOf('=');
        if (eq < 0 || !FIELD_FORMATS.contains(output.substring(0, eq))) {
            return false;
        }
        Matcher m = FIELD.matcher(output.substring(eq + 1));
        boolean picked = false;
        while (m.find()) {
            if (!METADATA.matcher(m.group()).matches()) {
                return false;
            }
            picked = true;
        }
        return picked;
    }
}
