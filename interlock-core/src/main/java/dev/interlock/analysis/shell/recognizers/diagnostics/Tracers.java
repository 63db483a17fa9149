package dev.interlock.analysis.shell.recognizers.diagnostics;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tracers and profilers attached to a running process ({@code -p PID}); one that starts its own command is a wrapper,
 * and the command is what runs. Samples, stacks and syscall counts are reads. Buffers shown in clear are not:
 * {@code strace -s 4096 -e trace=write} prints request and response bodies, {@code ltrace} prints the strings library
 * calls get ({@code SSL_write}'s plaintext), {@code py-spy dump --locals} prints variables' values. {@code gcore}
 * writes the whole memory to a file. Attached to a process that is not the developer's own ({@link ProcessOwners}),
 * anything but counts is another user's memory and traffic read.
 */
final class Tracers {

    static final Set<String> PROGRAMS = Set.of("strace", "ltrace", "py-spy", "rbspy", "gcore", "perf");

    private static final Set<String> STRACE_VALUED = Set.of("-e", "-s", "-p", "-o", "-P", "-a", "-b", "-E", "-I", "-O", "-S",
            "-u", "-U", "-X", "--trace", "--string-limit", "--attach", "--output", "--trace-path", "--summary-sort-by");
    /** strace's default string size: a few bytes of each buffer, not its contents. */
    private static final int STRACE_DEFAULT_STRINGS = 32;
    /** Syscalls and classes that move data through buffers (what strace would print). */
    private static final String DATA_SYSCALLS = "(?i).*\\b(all|read\\w*|write\\w*|pread\\w*|pwrite\\w*|recv\\w*|send\\w*|%net(work)?|%desc|splice|vmsplice)\\b.*";
    /** ltrace functions whose arguments hold no strings: allocations, threads, time. */
    private static final String LTRACE_NO_STRINGS = "(?i)(malloc|calloc|realloc|free|mmap|munmap|pthread_\\w*|clock_gettime|usleep|nanosleep)";
    private static final Set<String> PERF_VALUED = Set.of("-e", "--event", "-F", "--freq", "-p", "--pid", "-t", "--tid", "-o",
            "--output", "-i", "--input", "-c", "--count", "-C", "--cpu", "-m", "--mmap-pages", "--call-graph", "-u", "--uid",
            "-G", "--cgroup", "-r", "--repeat", "-I", "--interval-print", "-d", "--delay", "-s", "--sort", "-k", "--vmlinux",
            "--duration", "--filter", "-x", "--field-separator", "--switch-output", "-D", "-M");
    /** perf subcommands that change the kernel's probe points or perf's own configuration. */
    private static final Map<String, String> PERF_CHANGES = Map.of("probe", "adds or removes kernel or user probe points",
            "config", "changes perf's configuration", "buildid-cache", "adds binaries to perf's build-id cache",
            "daemon", "starts a perf daemon");
    /** perf subcommands that run a command given after their options (others take it after {@code --} only). */
    private static final Set<String> PERF_RUNS = Set.of("record", "stat", "trace");
    private static final Set<String> SPY_VALUED = Set.of("-p", "--pid", "-o", "--output", "-r", "--rate", "-d", "--duration",
            "-f", "--format", "-s", "--subprocesses", "--nonblocking", "--function", "--gil", "--idle", "-n", "--native");

    private Tracers() {
    }

    static List<Operation> recognize(Invocation inv, Nested nested) {
        return switch (inv.program()) {
            case "strace" -> List.of(strace(inv));
            case "ltrace" -> List.of(ltrace(inv));
            case "gcore" -> List.of(RuntimeDiagnostics.dump(inv, last(inv.parse(Set.of("-o", "-a"))),
                    "gcore writes the process's whole memory to a core file: everything it held is copied"));
            case "perf" -> perf(inv, nested);
            default -> spy(inv, nested);
        };
    }

    /** {@code strace -p PID}: counts ({@code -c}) and names are a look; data syscalls with long strings or hex dumps print payloads. */
    private static Operation strace(Invocation inv) {
        ParsedArgs p = inv.parse(STRACE_VALUED);
        String pid = p.value("-p", "--attach").orElse("");
        if (p.has("-c", "--summary-only")) {
            return RuntimeDiagnostics.read(inv, pid, "strace counts the process's syscalls");
        }
        Optional<String> foreign = ProcessOwners.foreign(ProcessOwners.pid(inv, Set.of("-p", "--attach")), inv);
        if (foreign.isPresent()) {
            return RuntimeDiagnostics.secrets(inv, pid, "strace attached to " + foreign.get()
                    + ": its syscalls and the data they carry belong to another user, not the developer's own process");
        }
        List<String> expressions = new ArrayList<>(p.flags().getOrDefault("-e", List.of()));
        p.value("--trace").ifPresent(t -> expressions.add("trace=" + t));
        boolean dumps = expressions.stream().anyMatch(e -> Regex.matches(e, "(read|write)=.*")) || p.has("--read", "--write");
        Optional<String> traced = expressions.stream().filter(e -> !e.contains("=") || e.startsWith("trace=")).findFirst()
                .map(e -> e.substring(e.indexOf('=') + 1));
        boolean data = traced.map(t -> Regex.matches(t, DATA_SYSCALLS)).orElse(true);
        boolean longStrings = p.value("-s", "--string-limit").map(s -> !Regex.matches(s, "\\d+") || Integer.parseInt(s) > STRACE_DEFAULT_STRINGS)
                .orElse(false) || p.has("-x", "-xx", "--strings-in-hex");
        if (dumps || data && longStrings) {
            return RuntimeDiagnostics.secrets(inv, pid, "strace prints the buffers the process reads and writes: request and response"
                    + " payloads, passwords and tokens");
        }
        return RuntimeDiagnostics.read(inv, pid, "strace shows the process's syscalls (names and short strings)");
    }

    /** {@code ltrace -p PID}: counts and allocation calls are a look; other calls' string arguments are the process's data. */
    private static Operation ltrace(Invocation inv) {
        ParsedArgs p = inv.parse(STRACE_VALUED);
        String pid = p.value("-p").orElse("");
        List<String> filters = p.flags().getOrDefault("-e", List.of());
        boolean noStrings = !filters.isEmpty() && filters.stream().flatMap(f -> java.util.Arrays.stream(f.split("[+,]")))
                .map(f -> Regex.replaceFirst(f, "@.*$", "")).filter(f -> !f.isEmpty())
                .allMatch(f -> Regex.matches(f, LTRACE_NO_STRINGS));
        Optional<String> foreign = ProcessOwners.foreign(ProcessOwners.pid(inv, Set.of("-p")), inv);
        if (foreign.isPresent() && !p.has("-c")) {
            return RuntimeDiagnostics.secrets(inv, pid, "ltrace attached to " + foreign.get()
                    + ": its library calls and their arguments belong to another user, not the developer's own process");
        }
        if (p.has("-c") || noStrings) {
            return RuntimeDiagnostics.read(inv, pid, "ltrace counts library calls or shows allocations");
        }
        return RuntimeDiagnostics.secrets(inv, pid, "ltrace prints the strings library calls receive"
                + (filters.isEmpty() ? "" : " (" + String.join(", ", filters) + ")") + ": plaintext before encryption, passwords, tokens");
    }

    /** {@code perf record|stat|top|trace|report …}: samples and counters; a command after the options is run. */
    private static List<Operation> perf(Invocation inv, Nested nested) {
        List<Arg> args = inv.args();
        String sub = args.isEmpty() ? "" : args.getFirst().value();
        ParsedArgs p = inv.withArgs(args.subList(Math.min(1, args.size()), args.size())).parse(PERF_VALUED);
        String pid = p.value("-p", "--pid", "-t", "--tid").orElse(p.has("-a", "--all-cpus") ? "*" : "");
        String change = PERF_CHANGES.get(sub);
        if (change != null && !(sub.equals("probe") && p.has("-l", "--list")) && !(sub.equals("config") && p.has("-l", "--list"))) {
            return List.of(RuntimeDiagnostics.change(inv, Verb.UPDATE, pid, "perf " + sub + " " + change));
        }
        List<Operation> ops = new ArrayList<>();
        Optional<String> foreign = sub.equals("stat") ? Optional.empty()
                : ProcessOwners.foreign(ProcessOwners.pid(inv, Set.of("-p", "--pid", "-t", "--tid")), inv);
        ops.add(foreign.isPresent()
                ? RuntimeDiagnostics.secrets(inv, pid, "perf " + sub + " attached to " + foreign.get()
                        + ": its stacks and traced calls are another user's process, not the developer's own")
                : RuntimeDiagnostics.read(inv, pid, "perf " + sub + " samples stacks or counts events"));
        List<Arg> command = !p.afterDoubleDash().isEmpty() ? p.afterDoubleDash()
                : PERF_RUNS.contains(sub) ? p.positionals() : List.of();
        if (!command.isEmpty()) {
            ops.addAll(nested.shell(String.join(" ", command.stream().map(Arg::value).toList()), inv));
        }
        return ops;
    }

    /** py-spy and rbspy: {@code dump|top|record --pid P} sample stacks; {@code --locals} prints values; a command after {@code --} runs. */
    private static List<Operation> spy(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(SPY_VALUED);
        String pid = p.value("-p", "--pid").orElse("");
        List<Operation> ops = new ArrayList<>();
        if (p.has("--locals", "-l") && !inv.program().equals("rbspy")) {
            ops.add(RuntimeDiagnostics.secrets(inv, pid, "py-spy --locals prints the values of every frame's local variables"
                    + " (tokens, customer records)"));
        } else {
            ops.add(RuntimeDiagnostics.read(inv, pid, inv.program() + " samples the process's stacks"));
        }
        if (!p.afterDoubleDash().isEmpty()) {
            ops.addAll(nested.shell(String.join(" ", p.afterDoubleDash().stream().map(Arg::value).toList()), inv));
        }
        return ops;
    }

    private static String last(ParsedArgs p) {
        return p.positionals().isEmpty() ? "" : p.positionals().getLast().value();
    }
}
