package dev.interlock.analysis.shell.recognizers.iac;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Arguments of the infrastructure CLIs (terraform, pulumi, cdk, gcloud, az), split into flags and positionals.
 * Unlike {@code ParsedArgs} it ignores how many dashes a flag has ({@code -var} and {@code --var} are the same flag for
 * terraform's Go parser) and keeps each value as an {@link Arg}, so a value from {@code $VAR} is known to be uncertain.
 * In {@code greedy} mode (az) every flag not listed as boolean takes the next word as its value, since az commands
 * take no positionals after the command path.
 */
public record IacArgs(List<Arg> positionals, Map<String, List<Arg>> flags, List<Arg> afterDoubleDash) {

    /** Keys of {@code -var k=v} / {@code -c k=v} that name the target environment. */
    private static final Pattern ENVIRONMENT_KEY = Pattern.compile(
            "(?i)(env|environment|stage|tier|deploy_?env|deployment_?environment|target_?env|app_?env)");
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_.:-]*)=(.*)", Pattern.DOTALL);

    public static IacArgs parse(List<Arg> args, Set<String> valued, Set<String> booleans, boolean greedy) {
        List<Arg> positionals = new ArrayList<>();
        Map<String, List<Arg>> flags = new LinkedHashMap<>();
        List<Arg> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Arg arg = args.get(i);
            String w = arg.value();
            if (w.equals("--")) {
                rest.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!w.startsWith("-") || w.length() < 2 || w.equals("-")) {
                positionals.add(arg);
                continue;
            }
            String body = w.startsWith("--") ? w.substring(2) : w.substring(1);
            int eq = body.indexOf('=');
            if (eq > 0) {
                String value = body.substring(eq + 1);
                put(flags, body.substring(0, eq), new Arg(value, arg.literal(), arg.glob(), arg.evidence()));
                continue;
            }
            boolean takesValue = valued.contains(body)
                    || greedy && !booleans.contains(body) && i + 1 < args.size() && !args.get(i + 1).value().startsWith("-");
            if (takesValue && i + 1 < args.size()) {
                put(flags, body, args.get(++i));
            } else {
                put(flags, body, new Arg("", true, false, arg.evidence()));
            }
        }
        return new IacArgs(List.copyOf(positionals), flags, List.copyOf(rest));
    }

    private static void put(Map<String, List<Arg>> flags, String name, Arg value) {
        flags.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    public boolean has(String... names) {
        for (String n : names) {
            if (flags.containsKey(n)) {
                return true;
            }
        }
        return false;
    }

    /** The last non-empty value given for any of the names. */
    public Optional<String> value(String... names) {
        return arg(names).map(Arg::value);
    }

    public Optional<Arg> arg(String... names) {
        Arg found = null;
        for (String n : names) {
            for (Arg a : flags.getOrDefault(n, List.of())) {
                if (!a.value().isEmpty()) {
                    found = a;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** Every non-empty value given for any of the names, in order per name. */
    public List<Arg> values(String... names) {
        List<Arg> out = new ArrayList<>();
        for (String n : names) {
            for (Arg a : flags.getOrDefault(n, List.of())) {
                if (!a.value().isEmpty()) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** False when a value of any of these flags comes from an expansion the analyzer could not resolve. */
    public boolean literal(String... names) {
        return values(names).stream().allMatch(Arg::literal);
    }

    public List<String> words() {
        return positionals.stream().map(Arg::value).toList();
    }

    /** Path segments that name an environment, in the words the inventory knows. */
    private static final java.util.Map<String, String> ENVIRONMENT_SEGMENTS = java.util.Map.ofEntries(
            java.util.Map.entry("prod", "production"), java.util.Map.entry("production", "production"),
            java.util.Map.entry("prd", "production"), java.util.Map.entry("live", "production"),
            java.util.Map.entry("staging", "staging"), java.util.Map.entry("stage", "staging"), java.util.Map.entry("stg", "staging"),
            java.util.Map.entry("preprod", "staging"), java.util.Map.entry("uat", "staging"),
            java.util.Map.entry("dev", "development"), java.util.Map.entry("development", "development"),
            java.util.Map.entry("sandbox", "sandbox"), java.util.Map.entry("qa", "qa"), java.util.Map.entry("test", "test"));

    /**
     * The environment an IaC working directory names ({@code …/envs/prod}, {@code …/live/production/vpc},
     * {@code …/stacks/prod-eu}): the deepest segment, below a home directory, that is or starts with an environment
     * word. {@code /home/dev} itself names nobody's environment.
     */
    public static Optional<String> environmentOfPath(String dir) {
        String path = Regex.replaceFirst(dir, "^/(?:home|Users)/[^/]+", "");
        String found = null;
        for (String segment : path.split("/")) {
            for (String token : Regex.split(segment.toLowerCase(java.util.Locale.ROOT), "[-_.]")) {
                String env = ENVIRONMENT_SEGMENTS.get(token);
                if (env != null) {
                    found = env;
                    break;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** The environment named by {@code env=prod}-style assignments ({@code -var}, {@code --context}), if any. */
    public static Optional<String> environmentAssignment(List<Arg> assignments) {
        String found = null;
        for (Arg a : assignments) {
            Matcher m = ASSIGNMENT.matcher(a.value());
            if (m.matches() && ENVIRONMENT_KEY.matcher(m.group(1)).matches() && !m.group(2).isBlank()) {
                found = m.group(2).strip();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The last path segment of a directory ({@code /home/dev/infra} → {@code infra}). */
    public static String baseName(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        int slash = p.lastIndexOf('/');
        return slash >= 0 ? p.substring(slash + 1) : p;
    }
}
