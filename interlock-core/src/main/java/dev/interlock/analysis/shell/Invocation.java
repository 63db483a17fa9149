package dev.interlock.analysis.shell;

import dev.interlock.model.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One program run, as a recognizer sees it after parsing and unwrapping.
 *
 * @param program   the program's base name ({@code /usr/bin/kubectl} → {@code kubectl})
 * @param args      the arguments after the program name
 * @param env       variables set for this run: {@code VAR=value} prefixes and {@code env} assignments (literal values),
 *                  over the request context's environment variables
 * @param workspace the working directory and home, to resolve and classify paths
 * @param evidence  the span of the input this command came from
 * @param stdin     text fed on standard input when it is known statically (heredoc, here-string, {@code echo … |})
 * @param locators  where the command runs when a wrapper moved it: {@code host} (ssh), {@code pod}/{@code context}/
 *                  {@code namespace} ({@code kubectl exec}), {@code container} ({@code docker exec}); empty locally
 */
public record Invocation(String program, List<Arg> args, Map<String, String> env, Workspace workspace,
                         Evidence evidence, Optional<String> stdin, Map<String, String> locators) {

    public Invocation {
        args = List.copyOf(args);
        env = java.util.Collections.unmodifiableMap(new TreeMap<>(env));
        locators = java.util.Collections.unmodifiableMap(new TreeMap<>(locators));
        evidence = evidence == null ? Evidence.NONE : evidence;
    }

    /** For tests and for nested analysis: {@code Invocation.of("kubectl", "delete", "ns", "payments")}. */
    public static Invocation of(String program, String... args) {
        List<Arg> list = new ArrayList<>();
        for (String a : args) {
            list.add(Arg.of(a));
        }
        return new Invocation(program, list, Map.of(), Workspace.of("/home/dev/project"),
                Evidence.text(program + (args.length == 0 ? "" : " " + String.join(" ", args))), Optional.empty(), Map.of());
    }

    public List<String> words() {
        return args.stream().map(Arg::value).toList();
    }

    /** Parses the arguments; {@code valued} names the flags that take a value (e.g. {@code -n}, {@code --namespace}). */
    public ParsedArgs parse(java.util.Set<String> valued) {
        return ParsedArgs.parse(args, valued);
    }

    /** True when the command runs somewhere else than the agent's machine (ssh host, pod, container). */
    public boolean remote() {
        return !locators.isEmpty();
    }

    /** True when the command runs in a container of this machine's own docker daemon ({@code docker exec NAME …}, no {@code -H}). */
    public boolean inLocalContainer() {
        return locators.containsKey("container") && !locators.containsKey("pod")
                && dev.interlock.environment.Hosts.loopback(locators.getOrDefault("host", ""));
    }

    public Invocation withArgs(List<Arg> newArgs) {
        return new Invocation(program, newArgs, env, workspace, evidence, stdin, locators);
    }

    public Invocation withProgram(String newProgram, List<Arg> newArgs) {
        return new Invocation(newProgram, newArgs, env, workspace, evidence, stdin, locators);
    }

    public Invocation withEnv(Map<String, String> newEnv) {
        return new Invocation(program, args, newEnv, workspace, evidence, stdin, locators);
    }
}
