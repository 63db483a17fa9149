package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer;
import dev.interlock.analysis.shell.recognizers.secrets.SecretFiles;
import dev.interlock.analysis.shell.recognizers.security.SecretFindings;
import dev.interlock.analysis.shell.syntax.Command;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Secrets written to a file earlier in the line and published later: a secret scanner's unredacted report
 * ({@code gitleaks detect --report-path r.json}, {@code trufflehog … > findings.json}) or a secret read into a file
 * ({@code cat .env > x.txt}), then put in a gist, uploaded to a bucket, sent by curl or scp, or added to git and pushed.
 * Keeping such a file here is routine; publishing it is a {@code transfer} of credentials. A gist of a secret file
 * ({@code gh gist create .env}) is one too.
 */
final class SecretOutputs {

    /** Commands that upload their file operands to the destination named among them: {@code aws s3 cp F s3://b/k}. */
    private static final Map<String, Set<String>> UPLOADERS = Map.of("aws", Set.of("cp", "mv", "sync"),
            "gsutil", Set.of("cp", "mv", "rsync"), "gcloud", Set.of("cp", "mv", "rsync"), "s3cmd", Set.of("put", "sync"),
            "mc", Set.of("cp", "mv", "mirror"), "rclone", Set.of("copy", "copyto", "move", "moveto", "sync", "rcat"),
            "az", Set.of("upload", "upload-batch"), "azcopy", Set.of("copy", "cp", "sync"));
    private static final Set<String> WRAPPERS = Set.of("sudo", "env", "command", "exec", "nohup", "time");

    /** Resolved path → what the file holds. */
    private final Map<String, String> files = new LinkedHashMap<>();
    /** Those of them added to git's index: pushing sends them. */
    private final Map<String, String> staged = new LinkedHashMap<>();

    /**
     * After {@code command} ran: the reports its operations say they write, and the file its standard output goes to
     * when that output holds secrets.
     */
    void written(Command command, List<Operation> produced, ShellWalk walk) {
        for (Operation op : produced) {
            SecretFindings.report(op).ifPresent(r -> files.put(walk.workspace.resolve(r), SecretFindings.what(op)));
        }
        produced.stream().filter(o -> SecretFindings.printed(o) || o.verb() == Verb.CREDENTIAL && !o.system().equals("network"))
                .findFirst().ifPresent(o -> RowsToFile.target(command, walk).ifPresent(f -> written(walk.workspace.resolve(f), what(o))));
    }

    /** A file that now holds {@code what}. */
    void written(String resolved, String what) {
        files.put(resolved, what);
    }

    /** What an operation's output holds, as the transfer will name it. */
    static String what(Operation op) {
        return SecretFindings.printed(op) ? SecretFindings.what(op)
                : op.resource().name().isEmpty() ? op.note() : op.resource().name();
    }

    /** The operations {@code ops[from..]} of a command with {@code words}: which of them publish a file of secrets. */
    void published(List<Arg> words, int from, Evidence evidence, ShellWalk walk) {
        List<Operation> ops = walk.operations;
        for (int i = from; i < ops.size(); i++) {
            Operation op = ops.get(i);
            String held = files.get(op.resource().name());
            if (op.verb() == Verb.TRANSFER && op.system().equals("network") && held != null) {
                // curl -F file=@report.json, scp report.json host: — the file is known to hold secrets
                ops.set(i, op.toBuilder().resource("credentials", op.resource().name())
                        .note(op.note() + ", which holds " + held).build());
            }
        }
        int start = 0;
        while (start < words.size() && WRAPPERS.contains(words.get(start).value())) {
            start++;
        }
        if (start >= words.size() || words.stream().anyMatch(a -> !a.literal())) {
            return;
        }
        List<String> w = words.subList(start, words.size()).stream().map(Arg::value).toList();
        String program = w.getFirst().substring(w.getFirst().lastIndexOf('/') + 1);
        List<String> operands = w.subList(1, w.size()).stream().filter(a -> !a.startsWith("-")).toList();
        if (program.equals("gh") && operands.size() >= 2 && operands.get(0).equals("gist") && operands.get(1).equals("create")) {
            for (String file : operands.subList(2, operands.size())) {
                String resolved = walk.workspace.resolve(file);
                if (files.containsKey(resolved) || SecretFiles.isSecret(resolved)) {
                    walk.add(NetworkRecognizer.exfiltration("credentials", files.getOrDefault(resolved, resolved) + " in a gist",
                            "gist.github.com", evidence, walk.locators));
                }
            }
        } else if (program.equals("git")) {
            git(operands, w, evidence, walk);
        } else if (UPLOADERS.getOrDefault(program, Set.of()).stream().anyMatch(operands::contains) || program.equals("gh")
                && operands.size() >= 2 && operands.get(0).equals("release") && operands.get(1).equals("upload")) {
            String destination = operands.stream().filter(a -> a.contains("://") || a.contains(":") && !a.startsWith("/"))
                    .reduce((a, b) -> b).orElse(program);
            for (String file : operands) {
                sent(file, walk).ifPresent(held -> walk.add(NetworkRecognizer.exfiltration("credentials", held,
                        dev.interlock.environment.Hosts.of(destination), evidence, walk.locators)));
            }
        }
    }

    /** {@code git add report.json} stages it; {@code git push} sends what was staged. */
    private void git(List<String> operands, List<String> words, Evidence evidence, ShellWalk walk) {
        if (operands.isEmpty()) {
            return;
        }
        if (operands.getFirst().equals("add")) {
            boolean everything = words.contains("-A") || words.contains("--all") || operands.contains(".");
            for (Map.Entry<String, String> e : files.entrySet()) {
                boolean named = operands.subList(1, operands.size()).stream().anyMatch(f -> walk.workspace.resolve(f).equals(e.getKey()));
                if (named || everything && Workspace.under(e.getKey(), walk.workspace.resolve("."))) {
                    staged.put(e.getKey(), e.getValue());
                }
            }
        } else if (operands.getFirst().equals("push") && !staged.isEmpty()) {
            String remote = operands.size() > 1 ? operands.get(1) : "origin";
            staged.forEach((file, held) -> walk.add(NetworkRecognizer.exfiltration("credentials",
                    held + " (" + file + "), committed and pushed to " + remote, "", evidence, walk.locators)));
            staged.clear();
        }
    }

    /** What a file operand holds when it is one of the files of secrets, or a directory holding one. */
    private Optional<String> sent(String operand, ShellWalk walk) {
        if (operand.contains("://")) {
            return Optional.empty();
        }
        String resolved = walk.workspace.resolve(operand);
        return files.entrySet().stream().filter(e -> Workspace.under(e.getKey(), resolved)).map(Map.Entry::getValue).findFirst();
    }
}
