package dev.interlock.analysis.shell.recognizers.storage;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.KnownPrograms;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Object-store CLIs' commands that decide who may read a bucket without credentials: MinIO's
 * {@code mc anonymous set public|download|upload ALIAS/BUCKET} (and the older {@code mc policy}), s3cmd's
 * {@code --acl-public} and {@code setpolicy}, and {@code rclone link} (a link anyone can open). Making storage public is
 * a grant to everyone; taking it back ({@code set none}, {@code --acl-private}, {@code link --unlink}) is a change of
 * who may read, held like any other outside a sandbox. Their other commands are judged like any unfamiliar CLI's.
 */
public final class PublicStorage implements Recognizer {

    /** mc's anonymous-access levels that let anyone in: download reads, upload writes, public both. */
    private static final Set<String> MC_PUBLIC = Set.of("public", "download", "upload", "readonly", "writeonly", "readwrite");
    /** s3cmd's options with a value, so their values are not read as subcommands or paths. */
    private static final Set<String> S3CMD_VALUED = Set.of("-c", "--config", "--acl-grant", "--acl-revoke", "--host",
            "--host-bucket", "--region", "--bucket-location", "--mime-type", "--storage-class", "--access_key", "--secret_key");
    /** rclone's options with a value. */
    private static final Set<String> RCLONE_VALUED = Set.of("--expire", "--config", "--log-file", "--log-level", "-v");

    @Override
    public Set<String> programs() {
        return Set.of("mc", "s3cmd", "rclone");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        Optional<Operation> access = switch (inv.program()) {
            case "mc" -> mc(inv);
            case "s3cmd" -> s3cmd(inv);
            default -> rclone(inv);
        };
        return access.map(List::of).orElseGet(() -> new UnrecognizedProgram().recognize(inv, nested));
    }

    /** {@code mc anonymous set LEVEL TARGET}, {@code mc anonymous set-json FILE TARGET}; get, list and links only look. */
    private static Optional<Operation> mc(Invocation inv) {
        List<String> w = inv.parse(Set.of("--config-dir", "-C")).words();
        if (w.size() < 2 || !w.getFirst().equals("anonymous") && !w.getFirst().equals("policy")) {
            return Optional.empty();
        }
        String sub = w.get(1);
        String target = w.getLast();
        return switch (sub) {
            case "set" -> {
                String level = w.size() > 3 ? w.get(2).toLowerCase(java.util.Locale.ROOT) : "";
                yield Optional.of(MC_PUBLIC.contains(level)
                        ? exposure(inv, "bucket", target, alias(target), "mc anonymous set " + level + " lets anyone "
                                + (level.equals("download") || level.equals("readonly") ? "read" : level.equals("upload")
                                || level.equals("writeonly") ? "write" : "read and write") + " " + target + " without credentials")
                        : access(inv, Verb.GRANT, "bucket", target, alias(target), "mc anonymous set " + level
                                + " changes who may read " + target + " without credentials").build());
            }
            case "set-json" -> Optional.of(access(inv, Verb.GRANT, "bucket", target, alias(target),
                    "sets an anonymous-access policy from a file: it may make " + target + " public").confidence(Confidence.INFERRED)
                    .build());
            case "get", "get-json", "list", "links" -> Optional.of(access(inv, Verb.READ, "bucket", target, alias(target),
                    "shows who may read " + target + " without credentials").build());
            default -> Optional.empty();
        };
    }

    /** {@code s3cmd setacl|put|sync --acl-public}, {@code setpolicy}; {@code setacl --acl-private} takes access back. */
    private static Optional<Operation> s3cmd(Invocation inv) {
        ParsedArgs p = inv.parse(S3CMD_VALUED);
        List<String> w = p.words();
        String sub = w.isEmpty() ? "" : w.getFirst();
        String target = w.stream().filter(x -> x.startsWith("s3://")).reduce((a, b) -> b).orElse("");
        boolean grantsAll = p.value("--acl-grant").filter(g -> g.contains("*") || g.contains("AllUsers")).isPresent();
        if (p.has("-P", "--acl-public") || grantsAll) {
            return Optional.of(exposure(inv, "bucket", target, bucket(target), "s3cmd --acl-public makes " + target
                    + " readable by anyone"));
        }
        return switch (sub) {
            case "setacl", "setpolicy", "delpolicy", "setcors" -> Optional.of(access(inv, Verb.GRANT, "bucket", target, bucket(target),
                    "s3cmd " + sub + " changes who may read " + target).build());
            default -> Optional.empty();
        };
    }

    /** {@code rclone link REMOTE:PATH} hands out a public link; {@code --unlink} removes it. */
    private static Optional<Operation> rclone(Invocation inv) {
        ParsedArgs p = inv.parse(RCLONE_VALUED);
        List<String> w = p.words();
        if (w.isEmpty() || !w.getFirst().equals("link")) {
            return Optional.empty();
        }
        String target = w.size() > 1 ? w.get(1) : "";
        String remote = target.contains(":") ? target.substring(0, target.indexOf(':')) : "";
        if (p.has("--unlink")) {
            return Optional.of(access(inv, Verb.GRANT, "file", target, remote, "removes the public link to " + target).build());
        }
        return Optional.of(exposure(inv, "file", target, remote, "rclone link makes a link anyone can open to " + target));
    }

    private static Operation exposure(Invocation inv, String type, String target, String server, String note) {
        // a server on this machine (mc's local alias) is public to no one else
        boolean here = KnownPrograms.LOCAL_ALIASES.getOrDefault(inv.program(), Set.of()).contains(server);
        return access(inv, Verb.GRANT, type, target, server, note).scope(here ? Scope.ONE : Scope.ALL).reversible(true).build();
    }

    /** On the storage {@code server} names (an mc alias, an rclone remote, a bucket); a local MinIO alias is this machine's. */
    private static Operation.Builder access(Invocation inv, Verb verb, String type, String target, String server, String note) {
        Operation.Builder b = Operation.builder(inv.program(), verb).resource(type, target).evidence(inv.evidence()).note(note);
        if (KnownPrograms.LOCAL_ALIASES.getOrDefault(inv.program(), Set.of()).contains(server)) {
            return LocalFiles.local(inv, b, "mc's alias for a server on this machine: test data");
        }
        if (!server.isEmpty()) {
            b.locator("host", server);
        }
        return b;
    }

    private static String alias(String target) {
        return target.contains("/") ? target.substring(0, target.indexOf('/')) : target;
    }

    private static String bucket(String target) {
        String rest = target.startsWith("s3://") ? target.substring(5) : target;
        return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    }

}
