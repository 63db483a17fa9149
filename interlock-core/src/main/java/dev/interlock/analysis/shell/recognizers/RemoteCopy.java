package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scp} and {@code rsync} for {@link NetworkRecognizer}: the last operand is the destination. Local files going
 * to a remote destination are {@code transfer}s; copying from a remote host is a {@code read}; {@code rsync --delete}
 * also deletes whatever the destination has that the source lacks.
 */
final class RemoteCopy {

    private RemoteCopy() {
    }

    /** {@code [user@]host:path}, {@code host::module}, {@code scp://}/{@code rsync://} URLs; not {@code ./a:b} or {@code C:\x}. */
    private static final Pattern REMOTE = Pattern.compile("(?:(?:scp|rsync|sftp)://)?(?:[^@/:\\s]+@)?([^/:\\s]{2,}|\\[[^]]+]):{1,2}(.*)");

    record Location(String host, String path) {
        boolean remote() {
            return !host.isEmpty();
        }
    }

    static Location location(String operand) {
        if (operand.startsWith("/") || operand.startsWith("./") || operand.startsWith("~") || operand.startsWith("../")) {
            return new Location("", operand);
        }
        Matcher m = REMOTE.matcher(operand);
        if (m.matches()) {
            String path = m.group(2);
            return new Location(m.group(1), path.startsWith("//") ? path.substring(path.indexOf('/', 2) < 0 ? 2 : path.indexOf('/', 2)) : path);
        }
        return new Location("", operand);
    }

    static List<Operation> recognize(Invocation inv, ParsedArgs p) {
        List<Arg> operands = new ArrayList<>(p.positionals());
        operands.addAll(p.afterDoubleDash());
        if (operands.isEmpty()) {
            return List.of(LocalFiles.execute(inv, inv.program(), "nothing to copy"));
        }
        boolean rsync = inv.program().equals("rsync");
        boolean dryRun = rsync && p.has("-n", "--dry-run", "--list-only");
        boolean delete = rsync && p.flags().keySet().stream().anyMatch(f -> f.startsWith("--delete") || f.equals("--del")
                || f.equals("--remove-source-files"));
        Location destination = location(operands.getLast().value());
        List<Location> sources = operands.subList(0, Math.max(0, operands.size() - 1)).stream()
                .map(a -> location(a.value())).toList();
        if (operands.size() == 1) {
            sources = List.of(destination);
        }
        List<Operation> ops = new ArrayList<>();
        for (Location source : sources) {
            if (dryRun || operands.size() == 1) {
                ops.add(read(inv, source));
            } else if (destination.remote() && !source.remote()) {
                ops.add(NetworkRecognizer.transfer(inv, source.path(), destination.host(),
                        "copies " + source.path() + " to " + destination.host()));
            } else if (source.remote()) {
                ops.add(read(inv, source));
            }
        }
        if (!dryRun && operands.size() > 1) {
            ops.add(write(inv, destination, delete));
        }
        return ops;
    }

    private static Operation read(Invocation inv, Location source) {
        if (!source.remote()) {
            return LocalFiles.read(inv, source.path());
        }
        return Operation.builder("network", Verb.READ).resource("file", source.path()).locator("host", source.host())
                .evidence(inv.evidence()).build();
    }

    /** The destination is written; with {@code --delete} files missing from the source are deleted there. */
    private static Operation write(Invocation inv, Location destination, boolean delete) {
        Verb verb = delete ? Verb.DELETE : Verb.UPDATE;
        if (!destination.remote()) {
            Operation.Builder b = LocalFiles.on(inv, verb, "directory", destination.path());
            return delete ? b.scope(Scope.MANY).stateful(true).reversible(false)
                    .note("deletes files in " + destination.path() + " that the source does not have").build() : b.build();
        }
        Operation.Builder b = Operation.builder("filesystem", verb).resource("directory", destination.path())
                .locator("host", destination.host()).locator("path", destination.path()).evidence(inv.evidence());
        if (delete) {
            b.scope(Scope.MANY).stateful(true).reversible(false)
                    .note("deletes files on " + destination.host() + " that the source does not have");
        }
        return b.build();
    }
}
