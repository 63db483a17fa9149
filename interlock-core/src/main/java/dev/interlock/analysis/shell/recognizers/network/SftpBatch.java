package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sftp -b FILE|- host}: the batch's commands are what the session does on the host. Listing, changing
 * directory and fetching read; {@code put} writes a file there; {@code rm}/{@code rmdir} remove for good;
 * {@code rename}, {@code chmod} and the like change. A batch whose text is not in view (a file) stays a session on
 * the host, judged as before.
 */
final class SftpBatch {

    private static final Map<String, Verb> COMMANDS = Map.ofEntries(Map.entry("ls", Verb.READ), Map.entry("dir", Verb.READ),
            Map.entry("cd", Verb.READ), Map.entry("pwd", Verb.READ), Map.entry("get", Verb.READ), Map.entry("reget", Verb.READ),
            Map.entry("mget", Verb.READ), Map.entry("df", Verb.READ), Map.entry("lls", Verb.READ), Map.entry("lcd", Verb.READ),
            Map.entry("lpwd", Verb.READ), Map.entry("lmkdir", Verb.READ), Map.entry("lumask", Verb.READ), Map.entry("help", Verb.READ),
            Map.entry("?", Verb.READ), Map.entry("version", Verb.READ), Map.entry("progress", Verb.READ), Map.entry("exit", Verb.READ),
            Map.entry("bye", Verb.READ), Map.entry("quit", Verb.READ),
            Map.entry("put", Verb.CREATE), Map.entry("reput", Verb.CREATE), Map.entry("mput", Verb.CREATE),
            Map.entry("mkdir", Verb.CREATE), Map.entry("ln", Verb.CREATE), Map.entry("symlink", Verb.CREATE),
            Map.entry("rm", Verb.DELETE), Map.entry("del", Verb.DELETE), Map.entry("rmdir", Verb.DELETE),
            Map.entry("rename", Verb.UPDATE), Map.entry("chmod", Verb.UPDATE), Map.entry("chown", Verb.UPDATE),
            Map.entry("chgrp", Verb.UPDATE));

    private SftpBatch() {
    }

    /** The batch's operations on {@code host}, or empty when its text is not known. */
    static Optional<List<Operation>> operations(Invocation inv, String host, String batchFile) {
        if (!(batchFile.equals("-") || batchFile.equals("/dev/stdin")) || inv.stdin().isEmpty()) {
            return Optional.empty();
        }
        List<Operation> ops = new ArrayList<>();
        for (String raw : inv.stdin().get().split("\n")) {
            // a leading - or @ only tells sftp to go on after an error or not to echo the line
            String line = raw.strip().replaceFirst("^[-@]+", "").strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] w = line.split("\\s+");
            String command = w[0].toLowerCase(Locale.ROOT);
            Verb verb = command.startsWith("!") ? Verb.UNKNOWN : COMMANDS.getOrDefault(command, Verb.UNKNOWN);
            if (verb == Verb.UNKNOWN) {
                return Optional.empty(); // a local shell escape or an unknown command: the whole session stays as it was
            }
            List<String> args = java.util.Arrays.stream(w).skip(1).filter(a -> !a.startsWith("-")).toList();
            String target = switch (command) {
                case "put", "reput", "mput" -> args.size() > 1 ? args.get(1) : args.isEmpty() ? "" : args.getFirst();
                default -> args.isEmpty() ? "" : args.getFirst();
            };
            String type = command.contains("dir") || command.equals("cd") || command.equals("ls") ? "remote-directory" : "remote-file";
            Operation.Builder b = Operation.builder("sftp", verb).resource(type, target).locator("host", host)
                    .evidence(inv.evidence()).note("sftp batch: " + line);
            if (verb == Verb.DELETE) {
                b.stateful(true).reversible(false).scope(target.contains("*") ? Scope.MANY : Scope.ONE);
            }
            ops.add(b.build());
        }
        return ops.isEmpty() ? Optional.empty() : Optional.of(ops);
    }
}
