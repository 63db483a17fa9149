package dev.interlock.analysis.shell.recognizers.diagnostics;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * eBPF tracing: {@code bpftrace} programs and the bcc/bpftrace tool collections ({@code biolatency}, {@code execsnoop},
 * {@code opensnoop-bpfcc}, {@code tcplife.bt}). Counting, aggregating and printing names, latencies and stacks only
 * looks. A program that prints buffers ({@code str(args->buf)}, a uprobe's {@code str(arg1)} on {@code SSL_write}) and
 * the tools that do so by design ({@code sslsniff}, {@code bashreadline}, {@code ttysnoop}, the query loggers) print
 * payloads and secrets: {@code credential} reads. Unsafe actions ({@code system()}, {@code signal()},
 * {@code override()}) and fault injection change the traced system.
 */
final class KernelTracing {

    /** Tools that print latencies, counts, names, addresses and stacks. */
    private static final Set<String> READ_TOOLS = Set.of("biolatency", "biosnoop", "biotop", "biopattern", "bitesize",
            "cachestat", "cachetop", "cpudist", "cpufreq", "cpuunclaimed", "criticalstat", "dcsnoop", "dcstat", "drsnoop",
            "execsnoop", "exitsnoop", "ext4dist", "ext4slower", "xfsdist", "xfsslower", "btrfsdist", "btrfsslower", "zfsdist",
            "zfsslower", "nfsdist", "nfsslower", "filelife", "fileslower", "filetop", "funccount", "funclatency", "funcslower",
            "funcinterval", "gethostlatency", "hardirqs", "softirqs", "killsnoop", "klockstat", "llcstat", "mdflush", "memleak",
            "mountsnoop", "netqtop", "offcputime", "offwaketime", "oomkill", "opensnoop", "pidpersec", "readahead", "runqlat",
            "runqlen", "runqslower", "shmsnoop", "slabratetop", "sofdsnoop", "solisten", "stackcount", "statsnoop", "syncsnoop",
            "syscount", "tcpaccept", "tcpconnect", "tcpconnlat", "tcpcong", "tcpdrop", "tcplife", "tcpretrans", "tcprtt",
            "tcpstates", "tcpsubnet", "tcpsynbl", "tcptop", "tcptracer", "threadsnoop", "vfscount", "vfsstat", "wakeuptime",
            "writeback", "swapin", "biostacks", "loads", "naptime", "setuids", "ssllatency", "sslsnoop",
            "tplist", "argdist", "ucalls", "uflow", "ugc", "uobjnew", "ustat", "uthreads", "javacalls", "javagc", "javastat",
            "javathreads", "pythoncalls", "pythonstat", "rubycalls", "nodegc", "nodestat", "profile", "capable", "deadlock",
            "cpuwalk", "dbstat", "compactsnoop", "kvmexit", "virtiostat", "ppchcalls", "rdmaucma");
    /** Tools that print what passes through: decrypted TLS, typed command lines, terminal output, SQL with its values. */
    private static final Set<String> SECRET_TOOLS = Set.of("sslsniff", "bashreadline", "ttysnoop", "dbslower", "mysqld_qslower",
            "trace");
    /** Tools whose generic names are claimed only in their packaged forms ({@code profile-bpfcc}, {@code trace.bt}). */
    private static final Set<String> GENERIC = Set.of("profile", "capable", "deadlock", "trace", "loads", "writeback", "swapin",
            "argdist", "ucalls", "uflow", "ugc", "uobjnew", "ustat", "uthreads", "naptime", "setuids", "cpuwalk");
    private static final Set<String> CHANGE_TOOLS = Set.of("inject");

    static final Set<String> PROGRAMS = programs();

    /** {@code str(EXPR)} and {@code buf(EXPR)}: what a bpftrace program turns into printable bytes. */
    private static final Pattern STRINGS = Pattern.compile("\\b(?:str|buf)\\s*\\(\\s*([^,)]*)");
    /** What such an expression may name and stay a name: a path, a command name, a host. */
    private static final Pattern NAMES = Pattern.compile(
            "(?i)\\s*(args->|args\\.)?(filename|pathname|oldname|newname|name|comm|path|oldpath|newpath|dev_name|dir_name|type|fsname|hostname|node)\\s*");
    private static final Pattern UNSAFE = Pattern.compile("\\b(system|signal|override)\\s*\\(");

    private KernelTracing() {
    }

    private static Set<String> programs() {
        Set<String> all = new HashSet<>(List.of("bpftrace"));
        for (String tool : tools()) {
            all.add(tool + "-bpfcc");
            all.add(tool + ".bt");
            if (!GENERIC.contains(tool)) {
                all.add(tool);
            }
        }
        return Set.copyOf(all);
    }

    private static Set<String> tools() {
        Set<String> all = new HashSet<>(READ_TOOLS);
        all.addAll(SECRET_TOOLS);
        all.addAll(CHANGE_TOOLS);
        return all;
    }

    static List<Operation> recognize(Invocation inv, Nested nested) {
        if (!inv.program().equals("bpftrace")) {
            return List.of(tool(inv, inv.program()));
        }
        ParsedArgs p = inv.parse(Set.of("-e", "-p", "-c", "-o", "-B", "-f", "-I", "--include", "-k", "-d", "--dry-run"));
        String pid = p.value("-p").orElse("");
        List<Operation> ops = new ArrayList<>();
        if (p.has("-l") || p.has("--info") || p.has("--version") || p.has("-V") || p.has("-h", "--help")) {
            ops.add(RuntimeDiagnostics.read(inv, pid, "bpftrace lists probes or describes itself"));
        } else {
            Optional<String> program = p.value("-e").or(() -> p.positional(0).flatMap(nested::written));
            if (program.isPresent()) {
                ops.add(program(inv, pid, program.get()));
            } else {
                String script = p.positional(0).orElse("");
                String name = script.substring(script.lastIndexOf('/') + 1);
                ops.add(tools().contains(Regex.replaceFirst(name, "\\.bt$", "")) ? tool(inv, name)
                        : RuntimeDiagnostics.change(inv, Verb.EXECUTE, pid, "bpftrace runs the program in " + script
                                + ", which Interlock cannot see: it may print buffers or act on the system"));
            }
        }
        p.value("-c").ifPresent(command -> ops.addAll(nested.shell(command, inv)));
        return ops;
    }

    /** An inline or written bpftrace program, judged by what it prints and whether it acts. */
    private static Operation program(Invocation inv, String pid, String text) {
        Matcher unsafe = UNSAFE.matcher(text);
        if (unsafe.find()) {
            return RuntimeDiagnostics.change(inv, unsafe.group(1).equals("system") ? Verb.EXECUTE : Verb.UPDATE, pid,
                    "the bpftrace program calls " + unsafe.group(1) + "(): it acts on the system it traces");
        }
        Matcher strings = STRINGS.matcher(text);
        while (strings.find()) {
            if (!NAMES.matcher(strings.group(1)).matches()) {
                return RuntimeDiagnostics.secrets(inv, pid, "the bpftrace program prints memory as text (" + strings.group().strip()
                        + "…): buffers, payloads and secrets");
            }
        }
        return RuntimeDiagnostics.read(inv, pid, "the bpftrace program counts, times or prints names and stacks");
    }

    /** A packaged tool, by its name without the {@code -bpfcc} or {@code .bt} ending. */
    private static Operation tool(Invocation inv, String program) {
        String tool = Regex.replaceFirst(program, "(-bpfcc|\\.bt)$", "");
        String pid = inv.parse(Set.of("-p", "--pid")).value("-p", "--pid").orElse("");
        if (CHANGE_TOOLS.contains(tool)) {
            return RuntimeDiagnostics.change(inv, Verb.UPDATE, pid, tool + " injects failures into the running kernel");
        }
        boolean noStrings = tool.equals("trace") && inv.words().stream().noneMatch(w -> w.contains("%s") || w.contains("str("));
        if (SECRET_TOOLS.contains(tool) && !noStrings) {
            return RuntimeDiagnostics.secrets(inv, pid, tool + " prints what passes through (decrypted traffic, typed commands,"
                    + " terminal output or queries with their values)");
        }
        return RuntimeDiagnostics.read(inv, pid, tool + " traces and prints latencies, counts, names or stacks");
    }
}
