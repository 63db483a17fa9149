package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.diagnostics.MemoryDumps;
import dev.interlock.analysis.shell.recognizers.secrets.SecretFiles;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scp} for {@link NetworkRecognizer}: the last operand is the destination. Local files going to a remote
 * destination are {@code transfer}s; copying from a remote host is a {@code read}; the destination is written.
 */
final class RemoteCopy {

    private RemoteCopy() {
    }

    /** {@code [user@]host:path}, {@code scp://} URLs; not {@code ./a:b} or {@code C:\x}. */
    private static final Pattern REMOTE = Pattern.compile("(?:(?:scp|sftp)://)?(?:[^@/:\\s]+@)?([^/:\\s]{2,}|\\[[^]]+]):{1,2}(.*)");

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
        Location destination = location(operands.getLast().value());
        List<Location> sources = operands.subList(0, Math.max(0, operands.size() - 1)).stream()
                .map(a -> location(a.value())).toList();
        if (operands.size() == 1) {
            sources = List.of(destination);
        }
        List<Operation> ops = new ArrayList<>();
        for (Location source : sources) {
            if (operands.size() == 1) {
                ops.add(read(inv, source));
            } else if (destination.remote() && !source.remote()) {
                if (CredentialRecognizer.secret(inv, dev.interlock.analysis.shell.Arg.of(source.path()))) {
                    ops.add(CredentialRecognizer.secretFile(inv, source.path()));
                }
                ops.add(NetworkRecognizer.transfer(inv, source.path(), destination.host(),
                        "copies " + source.path() + " to " + destination.host()));
            } else if (source.remote()) {
                ops.add(read(inv, source));
            }
        }
        if (operands.size() > 1) {
            ops.add(write(inv, destination));
        }
        return ops;
    }

    private static Operation read(Invocation inv, Location source) {
        if (!source.remote()) {
            return LocalFiles.read(inv, source.path());
        }
        // Fetching a remote host's secret file (secrets.yaml, a private key, .env) puts its secrets here.
        boolean secret = SecretFiles.isSecret(source.path());
        Operation.Builder b = Operation.builder("network", secret ? Verb.CREDENTIAL : Verb.READ).resource("file", source.path())
                .locator("host", source.host()).evidence(inv.evidence())
                .note(secret ? "copies a secret file from " + source.host() + " to this machine" : "");
        if (!secret && dev.interlock.analysis.shell.recognizers.database.DatabaseOps.holdsDataCopy(source.path())) {
            // scp db-prod-1:/var/backups/pg/shop.dump .: a database's rows, brought to this machine
            b.locator(dev.interlock.analysis.shell.recognizers.database.DatabaseOps.COPIES_DATA, "backup")
                    .note("copies a database dump or backup from " + source.host() + " to this machine");
        } else if (!secret && MemoryDumps.holds(source.path())) {
            b.locator(dev.interlock.analysis.shell.recognizers.database.DatabaseOps.COPIES_DATA, "process-memory")
                    .note("copies a core or heap dump (the process's memory) from " + source.host() + " to this machine");
        } else if (!secret && dev.interlock.analysis.shell.recognizers.virtualization.VmDisks.holds(source.path())) {
            b.locator(dev.interlock.analysis.shell.recognizers.database.DatabaseOps.COPIES_DATA, "vm-disk")
                    .note("copies a virtual machine's disk (everything it stored) from " + source.host() + " to this machine");
        }
        return b.build();
    }

    /** The destination is written, here or on the remote host. */
    private static Operation write(Invocation inv, Location destination) {
        if (!destination.remote()) {
            return LocalFiles.on(inv, Verb.UPDATE, "directory", destination.path()).build();
        }
        return Operation.builder("filesystem", Verb.UPDATE).resource("directory", destination.path())
                .locator("host", destination.host()).locator("path", destination.path()).evidence(inv.evidence()).build();
    }
}
