package dev.interlock.analysis.shell.recognizers.diagnostics;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JDK's diagnostic tools and their kin: {@code jcmd PID COMMAND}, {@code jstack}, {@code jmap}, {@code jstat},
 * {@code jinfo}, {@code jps}, {@code jhsdb}, {@code jattach}, async-profiler ({@code asprof}) and jmxterm (commands on
 * its standard input or in an {@code -i} script). Thread dumps, histograms, flags and GC counters are reads; a heap
 * dump or a flight recording dumped is a copy of the JVM's memory; system properties of a JVM elsewhere carry its passwords
 * ({@code -Djavax.net.ssl.keyStorePassword}); setting flags, forcing GCs, invoking MBean operations and loading an agent
 * (async-profiler's too) change it.
 */
final class JvmTools {

    static final Set<String> PROGRAMS = Set.of("jcmd", "jstack", "jmap", "jstat", "jinfo", "jps", "jhsdb", "jattach",
            "asprof", "profiler.sh", "jmxterm");

    private enum Effect { READ, SECRETS, DUMP, CHANGE, LOAD }

    /** jcmd's diagnostic commands (also what {@code jattach PID jcmd …} passes on); an unlisted one is a change. */
    private static final Map<String, Effect> JCMD = Map.ofEntries(
            Map.entry("help", Effect.READ), Map.entry("VM.version", Effect.READ), Map.entry("VM.flags", Effect.READ),
            Map.entry("VM.uptime", Effect.READ), Map.entry("VM.command_line", Effect.READ), Map.entry("VM.info", Effect.READ),
            Map.entry("VM.dynlibs", Effect.READ), Map.entry("VM.metaspace", Effect.READ), Map.entry("VM.classloaders", Effect.READ),
            Map.entry("VM.classloader_stats", Effect.READ), Map.entry("VM.class_hierarchy", Effect.READ),
            Map.entry("VM.events", Effect.READ), Map.entry("VM.print_touched_methods", Effect.READ),
            Map.entry("VM.stringtable", Effect.READ), Map.entry("VM.symboltable", Effect.READ),
            Map.entry("VM.systemdictionary", Effect.READ), Map.entry("VM.native_memory", Effect.READ),
            Map.entry("VM.log", Effect.READ), Map.entry("VM.system_properties", Effect.SECRETS),
            Map.entry("Thread.print", Effect.READ), Map.entry("Thread.dump_to_file", Effect.READ),
            Map.entry("GC.class_histogram", Effect.READ), Map.entry("GC.heap_info", Effect.READ),
            Map.entry("GC.finalizer_info", Effect.READ), Map.entry("GC.class_stats", Effect.READ),
            Map.entry("GC.heap_dump", Effect.DUMP), Map.entry("JFR.check", Effect.READ), Map.entry("JFR.dump", Effect.DUMP),
            Map.entry("JFR.view", Effect.READ), Map.entry("JFR.query", Effect.READ), Map.entry("JFR.configure", Effect.CHANGE),
            Map.entry("Compiler.codecache", Effect.READ), Map.entry("Compiler.codelist", Effect.READ),
            Map.entry("Compiler.queue", Effect.READ), Map.entry("Compiler.directives_print", Effect.READ),
            Map.entry("Compiler.perfmap", Effect.READ), Map.entry("Compiler.CodeHeap_Analytics", Effect.READ),
            Map.entry("System.map", Effect.READ), Map.entry("System.dump_map", Effect.READ),
            Map.entry("ManagementAgent.status", Effect.READ), Map.entry("PerfCounter.print", Effect.READ), Map.entry("JVMTI.agent_load", Effect.LOAD),
            Map.entry("JVMTI.data_dump", Effect.READ));
    /** {@code VM.log}, {@code VM.native_memory} and the string tables read unless given these (a change, or every string). */
    private static final Map<String, java.util.regex.Pattern> UNLESS = Map.of(
            "VM.log", java.util.regex.Pattern.compile("(?i)(output|what|decorators|disable|rotate|enable)(=.*)?"),
            "VM.native_memory", java.util.regex.Pattern.compile("(?i)baseline|shutdown"),
            "VM.stringtable", java.util.regex.Pattern.compile("-verbose"),
            "VM.symboltable", java.util.regex.Pattern.compile("-verbose"));
    private static final Set<String> JMAP_DUMPS = Set.of("-dump", "--binaryheap", "dumpheap");
    /** jmxterm commands that only look; {@code set} and {@code run} change the JVM. */
    private static final Set<String> JMXTERM_READS = Set.of("get", "info", "beans", "bean", "domains", "domain", "open", "close",
            "help", "jvms", "quit", "exit", "bye", "option", "watch", "about", "#");
    private static final Set<String> ASPROF_VALUED = Set.of("-d", "-e", "-f", "-i", "-j", "-o", "-t", "-I", "-X", "--alloc",
            "--lock", "--wall", "--title", "--minwidth", "--include", "--exclude", "--chunksize", "--chunktime", "--jfropts",
            "--fdtransfer", "--loop", "--timeout", "--file", "--interval", "--jstackdepth");

    private static final Set<String> ASPROF_QUERIES = Set.of("status", "list", "check", "meminfo", "version");

    private JvmTools() {
    }

    static List<Operation> recognize(Invocation inv) {
        return switch (inv.program()) {
            case "jcmd" -> jcmd(inv);
            case "jmap" -> jmap(inv);
            case "jinfo" -> jinfo(inv);
            case "jhsdb" -> jhsdb(inv);
            case "jattach" -> jattach(inv);
            case "asprof", "profiler.sh" -> asprof(inv);
            case "jmxterm" -> jmxterm(inv);
            default -> List.of(RuntimeDiagnostics.read(inv, target(inv.parse(Set.of("-J"))), inv.program()
                    + (inv.program().equals("jstat") ? " samples GC and class-loading counters" : " prints thread stacks or JVM ids")));
        };
    }

    /**
     * {@code jcmd PID|MAIN_CLASS COMMAND [ARGS]}; {@code jcmd} and {@code jcmd -l} list JVMs; {@code jcmd PID -f FILE}
     * runs the commands in a file Interlock cannot see. What follows the command is its own ({@code -all}, {@code -format=json}).
     */
    private static List<Operation> jcmd(Invocation inv) {
        List<String> words = inv.words().stream().dropWhile(w -> w.startsWith("-")).toList();
        if (words.size() < 2) {
            return List.of(RuntimeDiagnostics.read(inv, words.isEmpty() ? "" : words.getFirst(), "jcmd lists the JVMs or their diagnostic commands"));
        }
        if (words.get(1).equals("-f")) {
            return List.of(RuntimeDiagnostics.change(inv, Verb.EXECUTE, words.getFirst(), "jcmd runs the diagnostic commands in "
                    + (words.size() > 2 ? words.get(2) : "a file")));
        }
        return List.of(command(inv, words.getFirst(), words.get(1), words.subList(2, words.size())));
    }

    /** One diagnostic command sent to a JVM. */
    private static Operation command(Invocation inv, String jvm, String command, List<String> args) {
        java.util.regex.Pattern unless = UNLESS.get(command);
        Effect effect = unless != null && args.stream().anyMatch(a -> unless.matcher(a).matches())
                ? (command.startsWith("VM.s") ? Effect.SECRETS : Effect.CHANGE)
                : JCMD.getOrDefault(command, Effect.CHANGE);
        String what = "jcmd " + command;
        return switch (effect) {
            case READ -> RuntimeDiagnostics.read(inv, jvm, what + " shows the JVM's counters, stacks or settings");
            case SECRETS -> command.equals("VM.system_properties") ? properties(inv, jvm, what + " prints the JVM's system properties")
                    : RuntimeDiagnostics.secrets(inv, jvm, what + " prints values the JVM holds");
            case DUMP -> RuntimeDiagnostics.dump(inv, jvm, what + " writes the JVM's memory to a file: everything it held is copied");
            case LOAD -> RuntimeDiagnostics.change(inv, Verb.EXECUTE, jvm, what + " loads an agent's code into the JVM");
            case CHANGE -> RuntimeDiagnostics.change(inv, Verb.UPDATE, jvm, what + " changes the running JVM");
        };
    }

    /** {@code jmap -histo|-clstats|-finalizerinfo PID} look; {@code jmap -dump:…,file=F PID} copies the heap. */
    private static List<Operation> jmap(Invocation inv) {
        String jvm = target(inv.parse(Set.of("-J")));
        boolean dump = inv.words().stream().anyMatch(w -> w.startsWith("-dump"));
        return List.of(dump ? RuntimeDiagnostics.dump(inv, jvm, "jmap -dump writes the JVM's heap to a file: everything it held is copied")
                : RuntimeDiagnostics.read(inv, jvm, "jmap prints a class histogram or heap summary (counts, no contents)"));
    }

    /**
     * {@code jinfo -flag NAME PID} and {@code -flags} read; {@code -flag [+|-]NAME} and {@code -flag NAME=VALUE} set a
     * manageable flag; {@code -sysprops} and a bare {@code jinfo PID} print the system properties.
     */
    private static List<Operation> jinfo(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-flag", "-J"));
        String jvm = target(p);
        Optional<String> flag = p.value("-flag");
        if (flag.isPresent()) {
            return List.of(Regex.matches(flag.get(), "[+-].*|.*=.*")
                    ? RuntimeDiagnostics.change(inv, Verb.UPDATE, jvm, "jinfo sets the flag " + flag.get() + " in the running JVM")
                    : RuntimeDiagnostics.read(inv, jvm, "jinfo prints the flag " + flag.get()));
        }
        if (p.has("-flags") || p.has("-h", "-help", "--help")) {
            return List.of(RuntimeDiagnostics.read(inv, jvm, "jinfo prints the JVM's flags"));
        }
        return List.of(properties(inv, jvm, "jinfo prints the JVM's system properties"));
    }

    /** {@code jhsdb jstack|jmap|jinfo|jsnap --pid P}: the serviceability agent stops the JVM to read it; {@code --binaryheap} dumps. */
    private static List<Operation> jhsdb(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("--pid", "--exe", "--core", "--connect", "--dumpfile"));
        String jvm = p.value("--pid").orElse(p.value("--core").orElse(""));
        String tool = p.positional(0).orElse("");
        if (p.has("--binaryheap")) {
            return List.of(RuntimeDiagnostics.dump(inv, jvm, "jhsdb jmap --binaryheap writes the JVM's heap to a file"));
        }
        return List.of(switch (tool) {
            case "jstack", "jmap", "jsnap", "jinfo" -> tool.equals("jinfo") && !p.has("--flags")
                    ? RuntimeDiagnostics.secrets(inv, jvm, "jhsdb jinfo prints the JVM's system properties")
                    : RuntimeDiagnostics.read(inv, jvm, "jhsdb " + tool + " prints stacks, a histogram or counters");
            default -> RuntimeDiagnostics.change(inv, Verb.EXECUTE, jvm, "jhsdb " + tool + " opens a debugger on the JVM (it can read and change its memory)");
        });
    }

    /** {@code jattach PID threaddump|inspectheap|properties|dumpheap F|jcmd CMD|load AGENT|setflag …}. */
    private static List<Operation> jattach(Invocation inv) {
        List<String> words = inv.words();
        String jvm = words.isEmpty() ? "" : words.getFirst();
        String action = words.size() > 1 ? words.get(1) : "";
        return List.of(switch (action) {
            case "threaddump", "inspectheap", "printflag", "" -> RuntimeDiagnostics.read(inv, jvm, "jattach " + action + " shows stacks, a histogram or a flag");
            case "properties", "agentProperties" -> properties(inv, jvm, "jattach prints the JVM's system properties");
            case "dumpheap" -> RuntimeDiagnostics.dump(inv, jvm, "jattach dumpheap writes the JVM's heap to a file");
            case "jcmd" -> words.size() > 2 ? command(inv, jvm, words.get(2), words.subList(3, words.size()))
                    : RuntimeDiagnostics.read(inv, jvm, "jattach jcmd lists the diagnostic commands");
            case "load" -> RuntimeDiagnostics.change(inv, Verb.EXECUTE, jvm, "jattach loads an agent's code into the JVM");
            default -> RuntimeDiagnostics.change(inv, Verb.UPDATE, jvm, "jattach " + action + " changes the running JVM");
        });
    }

    /**
     * async-profiler samples stacks (CPU, allocations, locks) into a flame graph or JFR file, but to do so it loads its
     * agent into the target JVM: code injected into a live process ({@code execute}), routine on this machine, a change
     * where the process is production's. {@code status}, {@code list}, {@code check}, {@code meminfo} and {@code version} only ask.
     */
    private static List<Operation> asprof(Invocation inv) {
        ParsedArgs p = inv.parse(ASPROF_VALUED);
        String jvm = p.positionals().isEmpty() ? "" : p.positionals().getLast().value();
        boolean asks = p.positionals().stream().anyMatch(a -> ASPROF_QUERIES.contains(a.value())) || p.has("--version", "-h", "--help");
        return List.of(asks ? RuntimeDiagnostics.read(inv, jvm, "async-profiler reports its agent's state")
                : RuntimeDiagnostics.change(inv, Verb.EXECUTE, jvm, "async-profiler loads its agent into the JVM to sample its stacks"));
    }

    /**
     * System properties name versions and paths, and may carry passwords ({@code -Djavax.net.ssl.keyStorePassword}): a
     * JVM on this machine is the developer's own, whose properties they can read anyway; one on another host, in a pod or
     * a container is that system's secrets.
     */
    private static Operation properties(Invocation inv, String jvm, String note) {
        return inv.remote() ? RuntimeDiagnostics.secrets(inv, jvm, note + " (they carry passwords)")
                : RuntimeDiagnostics.read(inv, jvm, note + " of a JVM on this machine");
    }

    /** jmxterm: the commands come on standard input or in {@code -i FILE}; {@code -l HOST:PORT} is the JVM. */
    private static List<Operation> jmxterm(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-l", "--url", "-i", "--input", "-o", "--output", "-u", "--user", "-p", "--password", "-s", "--appendtooutput"));
        String url = p.value("-l", "--url").orElse("");
        String host = Regex.replaceFirst(Regex.replaceFirst(url, "^service:jmx:rmi:.*/jndi/rmi://", ""), ":.*$", "");
        Optional<String> script = inv.stdin().filter(s -> !p.has("-i", "--input"));
        List<Operation> ops = new ArrayList<>();
        if (script.isEmpty()) {
            ops.add(RuntimeDiagnostics.change(inv, Verb.EXECUTE, url, "jmxterm "
                    + (p.has("-i", "--input") ? "runs the commands in " + p.value("-i", "--input").orElse("a file") : "opens an interactive JMX session")
                    + (url.isEmpty() ? "" : " on " + url)));
        } else {
            for (String line : script.get().split("[\\n;]")) {
                String word = Regex.before(line.strip(), "\\s+");
                if (word.isEmpty()) {
                    continue;
                }
                boolean heapDump = Regex.find(line, "(?i)\\bdumpHeap\\b");
                ops.add(JMXTERM_READS.contains(word) ? RuntimeDiagnostics.read(inv, url, "jmxterm " + word + " reads MBean attributes or names")
                        : heapDump ? RuntimeDiagnostics.dump(inv, url, "an MBean operation writes the JVM's heap to a file")
                        : RuntimeDiagnostics.change(inv, Verb.UPDATE, url, "jmxterm " + word + " sets an attribute or invokes an MBean operation"));
            }
        }
        return ops.stream().map(o -> RuntimeDiagnostics.on(o, host)).toList();
    }

    /** The JVM a tool targets: the last operand (a PID, a main class or a core), or "" when none. */
    private static String target(ParsedArgs p) {
        return p.positionals().isEmpty() ? "" : p.positionals().getLast().value();
    }
}
