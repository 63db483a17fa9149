package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.analysis.shell.Arg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code aws [global options] SERVICE OPERATION [args]} run, split the way the AWS CLI reads it. Options after the
 * operation take every following word up to the next option ({@code --instance-ids i-1 i-2}); global options may stand
 * anywhere. {@code rest} keeps the raw words after the operation for commands with their own syntax ({@code aws s3}).
 */
record AwsCommand(Arg service, Arg operation, Map<String, List<Arg>> options, List<Arg> positionals, List<Arg> rest,
                  boolean help) {

    /** Global options that take a value: before the service they must be known to find the service word. */
    static final Set<String> GLOBAL_VALUED = Set.of("--profile", "--region", "--endpoint-url", "--output", "--query",
            "--color", "--ca-bundle", "--cli-read-timeout", "--cli-connect-timeout", "--cli-binary-format");

    static AwsCommand parse(List<Arg> args) {
        Map<String, List<Arg>> options = new LinkedHashMap<>();
        List<Arg> heads = new ArrayList<>();
        boolean help = false;
        int i = 0;
        // Global options, the service and the operation.
        while (i < args.size() && heads.size() < 2) {
            Arg arg = args.get(i++);
            String w = arg.value();
            if (w.startsWith("--") && w.length() > 2) {
                int eq = w.indexOf('=');
                String name = eq > 0 ? w.substring(0, eq) : w;
                List<Arg> values = options.computeIfAbsent(name, k -> new ArrayList<>());
                if (eq > 0) {
                    values.add(new Arg(w.substring(eq + 1), arg.literal(), arg.glob(), arg.evidence()));
                } else if (GLOBAL_VALUED.contains(name) && i < args.size()) {
                    values.add(args.get(i++));
                }
                help |= name.equals("--version") || name.equals("--help");
            } else {
                heads.add(arg);
            }
        }
        List<Arg> rest = List.copyOf(args.subList(i, args.size()));
        List<Arg> positionals = new ArrayList<>();
        String current = null;
        for (Arg arg : rest) {
            String w = arg.value();
            if (w.startsWith("--") && w.length() > 2) {
                int eq = w.indexOf('=');
                current = eq > 0 ? w.substring(0, eq) : w;
                List<Arg> values = options.computeIfAbsent(current, k -> new ArrayList<>());
                if (eq > 0) {
                    values.add(new Arg(w.substring(eq + 1), arg.literal(), arg.glob(), arg.evidence()));
                    current = null;
                }
                help |= current != null && current.equals("--help");
            } else if (current != null) {
                options.get(current).add(arg);
            } else {
                positionals.add(arg);
            }
        }
        help |= heads.stream().anyMatch(a -> a.value().equals("help"))
                || (!positionals.isEmpty() && positionals.getLast().value().equals("help"));
        Arg none = Arg.of("");
        return new AwsCommand(heads.isEmpty() ? none : heads.get(0), heads.size() < 2 ? none : heads.get(1),
                options, List.copyOf(positionals), rest, help);
    }

    String serviceName() {
        return service.value();
    }

    String operationName() {
        return operation.value();
    }

    boolean has(String... flags) {
        for (String f : flags) {
            if (options.containsKey(f)) {
                return true;
            }
        }
        return false;
    }

    List<Arg> values(String flag) {
        return options.getOrDefault(flag, List.of());
    }

    /** The first value of the first flag present. */
    Optional<Arg> first(String... flags) {
        for (String f : flags) {
            List<Arg> v = values(f);
            if (!v.isEmpty()) {
                return Optional.of(v.getFirst());
            }
        }
        return Optional.empty();
    }

    Optional<String> text(String... flags) {
        return first(flags).map(Arg::value).filter(s -> !s.isEmpty());
    }

    /** Every value and positional, for scanning (ARNs, CIDRs, policy documents). */
    List<Arg> everything() {
        List<Arg> all = new ArrayList<>(positionals);
        options.values().forEach(all::addAll);
        return all;
    }

    boolean anyValueContains(String needle) {
        return everything().stream().anyMatch(a -> a.value().contains(needle));
    }
}
