package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.environment.Hosts;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a CLI acts, as its own command line or the agent's environment names it: the flags, then the environment
 * variables, whose value is the target (an org, a portal, a server, a namespace), and the locator that value becomes.
 * A recognizer states its placement beside its table; what the value means (a tier) is environment resolution's.
 */
public record Placement(String locator, List<String> flags, List<String> variables) {

    public Placement {
        flags = List.copyOf(flags);
        variables = List.copyOf(variables);
    }

    /** The target named by the last of these flags the command line gives. */
    public static Placement of(String locator, String... flags) {
        return new Placement(locator, List.of(flags), List.of());
    }

    /** Failing the flags, the first of these variables the request's environment sets. */
    public Placement orVariables(String... names) {
        return new Placement(locator, flags, Stream.concat(variables.stream(), Stream.of(names)).toList());
    }

    public Optional<String> target(Invocation inv, ParsedArgs p) {
        return p.value(flags.toArray(String[]::new)).or(() -> variable(inv));
    }

    public Optional<String> variable(Invocation inv) {
        return variables.stream().map(inv.env()::get).filter(Objects::nonNull).findFirst();
    }

    /** {@code locator → target}, or no locator when nothing names the target; a host is the host of the address named. */
    public Map<String, String> locators(Invocation inv, ParsedArgs p) {
        return target(inv, p).map(t -> locator.equals("host") ? Hosts.of(t) : t).filter(t -> !t.isEmpty())
                .map(t -> Map.of(locator, t)).orElse(Map.of());
    }
}
