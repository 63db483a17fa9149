package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.filesystem.FilesystemRecognizer;
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

    /** sftp's flags that take a value ({@code -p} only preserves times there, unlike ssh's port). */
    private static final java.util.Set<String> SFTP_VALUED = java.util.Set.of("-B", "-b", "-c", "-D", "-F", "-i", "-J",
            "-l", "-o", "-P", "-R", "-S", "-s", "-X");

    /**
     * {@code sftp host:path [local]}, {@code sftp sftp://host/path}: a file named on the command line is fetched and
     * sftp exits, as {@code scp host:path local} does. A directory ({@code host:/var/log/}) or no path opens the
     * interactive session, left to the caller; so is a batch ({@code -b}).
     */
    static java.util.Optional<List<Operation>> sftpDownload(Invocation inv) {
        ParsedArgs p = inv.parse(SFTP_VALUED);
        if (p.has("-b") || p.positionals().isEmpty()) {
            return java.util.Optional.empty();
        }
        String operand = p.positionals().getFirst().value();
        Location source = operand.startsWith("sftp://") ? url(operand) : location(operand);
        if (!source.remote() || source.path().isEmpty() || source.path().endsWith("/")) {
            return java.util.Optional.empty();
        }
        Location destination = new Location("", p.positional(1).orElse("."));
        return java.util.Optional.of(List.of(read(inv, source), write(inv, destination)));
    }

    /** {@code sftp://[user@]host[:port]/path}. */
    private static Location url(String url) {
        String rest = url.substring("sftp://".length());
        int slash = rest.indexOf('/');
        String host = dev.interlock.environment.Hosts.of(url);
        return new Location(host, slash < 0 ? "" : rest.substring(slash + 1).startsWith("~/")
                ? rest.substring(slash + 1) : rest.substring(slash));
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

    static Operation read(Invocation inv, Location source) {
        if (!source.remote()) {
            return LocalFiles.read(inv, source.path());
        }
        return FetchedFiles.judged(Operation.builder("network", Verb.READ).resource("file", source.path())
                .locator("host", source.host()).evidence(inv.evidence()), source.path(), source.host()).build();
    }

    /** The destination is written, here or on the remote host. */
    static Operation write(Invocation inv, Location destination) {
        if (!destination.remote()) {
            return FilesystemRecognizer.copiedInto(inv, destination.path());
        }
        return Operation.builder("filesystem", Verb.UPDATE).resource("directory", destination.path())
                .locator("host", destination.host()).locator("path", destination.path()).evidence(inv.evidence()).build();
    }
}
