package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code lftp -e|-c 'cmd; cmd; bye' [-u user] sftp://host}: the commands in view are what the session does on the
 * host. {@code mirror} downloads (a read there, a write here), {@code mirror -R} uploads (a change there, deleting
 * what the local side lacks with {@code --delete}), {@code --dry-run} only prints; {@code get}/{@code cat} read,
 * {@code put}/{@code mput} write there, {@code rm}/{@code mrm}/{@code rmdir} delete there. A command the table does
 * not know (a {@code !} shell escape, {@code source}) leaves the whole session as an interactive one.
 */
final class LftpCommands {

    private enum Kind { NONE, READ, GET, PUT, CREATE, UPDATE, DELETE, MIRROR, OPEN }

    private static final Map<String, Kind> COMMANDS = Map.ofEntries(
            Map.entry("ls", Kind.READ), Map.entry("cls", Kind.READ), Map.entry("nlist", Kind.READ), Map.entry("find", Kind.READ),
            Map.entry("du", Kind.READ), Map.entry("cat", Kind.READ), Map.entry("zcat", Kind.READ), Map.entry("more", Kind.READ),
            Map.entry("zmore", Kind.READ), Map.entry("bzcat", Kind.READ), Map.entry("get", Kind.GET), Map.entry("get1", Kind.GET),
            Map.entry("pget", Kind.GET), Map.entry("mget", Kind.GET), Map.entry("put", Kind.PUT), Map.entry("mput", Kind.PUT),
            Map.entry("reput", Kind.PUT), Map.entry("mkdir", Kind.CREATE), Map.entry("mv", Kind.UPDATE),
            Map.entry("chmod", Kind.UPDATE), Map.entry("ln", Kind.UPDATE), Map.entry("rm", Kind.DELETE),
            Map.entry("mrm", Kind.DELETE), Map.entry("rmdir", Kind.DELETE), Map.entry("mirror", Kind.MIRROR),
            Map.entry("open", Kind.OPEN), Map.entry("cd", Kind.NONE), Map.entry("lcd", Kind.NONE), Map.entry("pwd", Kind.NONE),
            Map.entry("lpwd", Kind.NONE), Map.entry("user", Kind.NONE), Map.entry("set", Kind.NONE), Map.entry("bye", Kind.NONE),
            Map.entry("exit", Kind.NONE), Map.entry("quit", Kind.NONE), Map.entry("close", Kind.NONE), Map.entry("echo", Kind.NONE),
            Map.entry("wait", Kind.NONE), Map.entry("help", Kind.NONE), Map.entry("cache", Kind.NONE), Map.entry("debug", Kind.NONE));
    /** mirror's options that take a value (its {@code -P}/{@code --parallel} take one only as {@code -P4}/{@code =4}). */
    private static final Set<String> MIRROR_VALUED = Set.of("-i", "-x", "-I", "-X", "-O", "-N", "--include", "--exclude",
            "--include-glob", "--exclude-glob", "--newer-than", "--older-than", "--target-directory", "--log",
            "--script", "--size-range", "--max-errors", "--use-pget-n", "--include-rx-from", "--exclude-rx-from",
            "--include-glob-from", "--exclude-glob-from", "--on-change", "--loop");

    private LftpCommands() {
    }

    /** The session's operations, or empty when its commands are not in view or not all known. */
    static Optional<List<Operation>> operations(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-e", "-c", "-f", "-p", "-u"));
        Optional<String> script = p.value("-c").or(() -> p.value("-e"));
        if (script.isEmpty() || p.has("-f")) {
            return Optional.empty();
        }
        String host = p.positional(0).map(Hosts::of).orElse("");
        List<Operation> ops = new ArrayList<>();
        for (String command : script.get().split(";|&&|\\|\\||\n")) {
            List<String> w = words(command);
            if (w.isEmpty()) {
                continue;
            }
            Kind kind = COMMANDS.get(w.getFirst().toLowerCase(Locale.ROOT));
            if (kind == null) {
                return Optional.empty();
            }
            List<String> args = w.subList(1, w.size());
            List<String> operands = args.stream().filter(a -> !a.startsWith("-")).toList();
            switch (kind) {
                case OPEN -> host = operands.isEmpty() ? host : Hosts.of(operands.getLast());
                case READ, GET -> {
                    for (String path : operands.isEmpty() ? List.of(".") : operands) {
                        ops.add(fetched(inv, host, path));
                    }
                    if (kind == Kind.GET) {
                        ops.add(dev.interlock.analysis.shell.recognizers.filesystem.FilesystemRecognizer.copiedInto(inv,
                                value(args, "-o").orElse("./")));
                    }
                }
                case PUT -> {
                    for (String path : operands) {
                        ops.add(NetworkRecognizer.transfer(inv, path, host, "lftp: uploads " + path + " to " + host));
                    }
                    ops.add(remote(inv, Verb.CREATE, host, value(args, "-O").orElse("."), command.strip()).build());
                }
                case CREATE, UPDATE -> ops.add(remote(inv, kind == Kind.CREATE ? Verb.CREATE : Verb.UPDATE, host,
                        operands.isEmpty() ? "" : operands.getLast(), command.strip()).build());
                case DELETE -> {
                    boolean many = !w.getFirst().equals("rm") || args.contains("-r") || operands.stream().anyMatch(a -> a.contains("*"));
                    for (String path : operands) {
                        ops.add(remote(inv, Verb.DELETE, host, path, command.strip()).scope(many ? Scope.MANY : Scope.ONE)
                                .stateful(true).reversible(false).build());
                    }
                }
                case MIRROR -> ops.addAll(mirror(inv, host, args, command.strip()));
                case NONE -> {
                }
            }
        }
        if (ops.isEmpty()) {
            ops.add(Operation.builder("lftp", Verb.READ).resource("host", host).locator("host", host)
                    .evidence(inv.evidence()).note("lftp: only navigates and lists").build());
        }
        return Optional.of(ops);
    }

    /** {@code mirror [opts] [source [target]]}: remote to local, or local to remote with {@code -R}. */
    private static List<Operation> mirror(Invocation inv, String host, List<String> args, String command) {
        List<String> operands = new ArrayList<>();
        Set<String> flags = new java.util.HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-")) {
                operands.add(a);
            } else if (MIRROR_VALUED.contains(a)) {
                i++;
            } else if (a.startsWith("--")) {
                flags.add(a.contains("=") ? a.substring(0, a.indexOf('=')) : a);
            } else {
                a.substring(1).chars().forEach(c -> flags.add("-" + (char) c)); // -Rev: bundled letters
            }
        }
        boolean reverse = flags.contains("-R") || flags.contains("--reverse");
        boolean deletes = flags.contains("-e") || flags.contains("--delete") || flags.contains("--delete-first");
        boolean removesSource = flags.contains("--Remove-source-files") || flags.contains("--Remove-source-dirs")
                || flags.contains("--Move");
        String source = operands.isEmpty() ? "." : operands.getFirst();
        String target = operands.size() > 1 ? operands.get(1) : "./";
        List<Operation> ops = new ArrayList<>();
        if (flags.contains("--dry-run") || args.stream().anyMatch(a -> a.startsWith("--script"))) {
            // only prints (or writes to a script file) what the mirror would do
            ops.add(Operation.builder("network", Verb.READ).resource("directory", reverse ? target : source)
                    .locator("host", host).evidence(inv.evidence()).note("lftp " + command + ": a dry run, changes nothing").build());
            return ops;
        }
        if (reverse) {
            ops.add(NetworkRecognizer.transfer(inv, source, host, "lftp mirror -R: uploads " + source + " to " + host));
            ops.add(remote(inv, Verb.UPDATE, host, target, command).scope(Scope.MANY).build());
            if (deletes) {
                ops.add(remote(inv, Verb.DELETE, host, target, command).scope(Scope.MANY).stateful(true).reversible(false)
                        .note("lftp mirror -R --delete: deletes on " + host + " what " + source + " lacks").build());
            }
            if (removesSource) {
                ops.add(LocalFiles.delete(inv, source, true, Confidence.EXACT, "lftp mirror -R: removes the uploaded local files"));
            }
            return ops;
        }
        ops.add(fetched(inv, host, source));
        ops.add(dev.interlock.analysis.shell.recognizers.filesystem.FilesystemRecognizer.copiedInto(inv, target));
        if (deletes) {
            ops.add(LocalFiles.delete(inv, target, true, Confidence.EXACT,
                    "lftp mirror --delete: deletes local files that " + host + " lacks"));
        }
        if (removesSource) {
            ops.add(remote(inv, Verb.DELETE, host, source, command).scope(Scope.MANY).stateful(true).reversible(false)
                    .note("lftp mirror --Remove-source-files: deletes the downloaded files on " + host).build());
        }
        return ops;
    }

    private static Operation fetched(Invocation inv, String host, String path) {
        return FetchedFiles.judged(Operation.builder("network", Verb.READ).resource("file", path).locator("host", host)
                .evidence(inv.evidence()).note("lftp: fetches " + path + " from " + host), path, host).build();
    }

    private static Operation.Builder remote(Invocation inv, Verb verb, String host, String path, String command) {
        return Operation.builder("filesystem", verb).resource("directory", path).locator("host", host)
                .locator("path", path).evidence(inv.evidence()).note("lftp: " + command);
    }

    private static Optional<String> value(List<String> args, String flag) {
        int i = args.indexOf(flag);
        return i >= 0 && i + 1 < args.size() ? Optional.of(args.get(i + 1)) : Optional.empty();
    }

    /** lftp's words: whitespace-separated, quotes only group. */
    private static List<String> words(String command) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(command);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }
}
