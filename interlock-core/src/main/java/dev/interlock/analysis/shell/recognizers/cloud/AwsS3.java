package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.storage.ObjectDownloads;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The high-level {@code aws s3} commands, which take paths rather than options: {@code s3://bucket/key} or local
 * files. Direction decides the verb ({@code cp} up is an update, down a read); {@code --recursive},
 * {@code sync --delete} and {@code rb --force} decide how much data is lost.
 */
final class AwsS3 {

    private AwsS3() {
    }

    private static final Set<String> VALUED = Set.of("--profile", "--region", "--endpoint-url", "--output", "--query",
            "--color", "--ca-bundle", "--cli-read-timeout", "--cli-connect-timeout", "--exclude", "--include", "--acl",
            "--sse", "--sse-c", "--sse-c-key", "--sse-kms-key-id", "--sse-c-copy-source", "--sse-c-copy-source-key",
            "--storage-class", "--grants", "--website-redirect", "--content-type", "--cache-control",
            "--content-disposition", "--content-encoding", "--content-language", "--expires", "--source-region",
            "--metadata", "--metadata-directive", "--expected-size", "--page-size", "--expires-in", "--index-document",
            "--error-document", "--checksum-algorithm", "--copy-props", "--cli-binary-format");

    /** The local file or directory {@code cp}, {@code mv} or {@code sync} uploads to S3, when it uploads one. */
    static Optional<Arg> uploaded(String command, List<Arg> rest) {
        List<Arg> paths = ParsedArgs.parse(rest, VALUED).positionals();
        if (!Set.of("cp", "mv", "sync").contains(command) || paths.size() < 2) {
            return Optional.empty();
        }
        Arg src = paths.get(paths.size() - 2);
        return isS3(paths.getLast()) && !isS3(src) && !src.value().equals("-") ? Optional.of(src) : Optional.empty();
    }

    /** Operations before locators are added: system, verb, resource type and name, scope, losses. */
    static List<Operation.Builder> recognize(String command, List<Arg> rest) {
        ParsedArgs p = ParsedArgs.parse(rest, VALUED);
        List<Arg> paths = p.positionals();
        boolean recursive = p.has("--recursive");
        boolean filtered = p.has("--exclude", "--include");
        List<Operation.Builder> ops = new ArrayList<>();
        switch (command) {
            case "ls" -> ops.add(s3(Verb.READ, paths.isEmpty() ? "bucket" : "object", first(paths)));
            // a presigned URL grants read access to whoever holds the link until it expires
            case "presign" -> ops.add(s3(Verb.GRANT, "object", first(paths)).note("creates a download URL: read access for whoever holds it"));
            case "mb" -> ops.add(s3(Verb.CREATE, "bucket", first(paths)));
            case "website" -> ops.add(s3(Verb.UPDATE, "bucket-website", first(paths)));
            case "rb" -> {
                Operation.Builder rb = s3(Verb.DELETE, "bucket", first(paths)).reversible(false);
                ops.add(p.has("--force")
                        ? rb.scope(Scope.ALL).stateful(true).note("--force deletes every object in the bucket first")
                        : rb.note("only succeeds when the bucket is empty"));
            }
            case "rm" -> {
                Arg target = first(paths);
                Operation.Builder rm = s3(Verb.DELETE, recursive ? "bucket-prefix" : "object", target)
                        .stateful(true).reversible(false);
                if (recursive) {
                    rm.scope(filtered ? Scope.MANY : Scope.ALL).note("deletes every object under " + target.value());
                } else if (target.glob()) {
                    rm.scope(Scope.MANY);
                }
                ops.add(rm);
            }
            case "cp", "mv", "sync" -> transfer(command, paths, recursive || command.equals("sync"), p, ops);
            default -> ops.add(s3(Verb.UNKNOWN, "object", first(paths)).confidence(Confidence.INFERRED)
                    .note("unknown aws s3 command '" + command + "'"));
        }
        String acl = p.value("--acl").orElse("") + " " + p.value("--grants").orElse("");
        if (acl.contains("public-read") || acl.contains("AllUsers") || acl.contains("AuthenticatedUsers")) {
            ops.add(s3(Verb.GRANT, "object-acl", paths.isEmpty() ? Arg.of("") : paths.getLast()).scope(Scope.ALL)
                    .note("makes the uploaded objects public"));
        }
        if (p.has("--dryrun")) {
            ops.replaceAll(b -> b.verb(Verb.READ).note("dry run: shows what would happen"));
        }
        return ops;
    }

    private static void transfer(String command, List<Arg> paths, boolean many, ParsedArgs p, List<Operation.Builder> ops) {
        if (paths.size() < 2) {
            ops.add(s3(Verb.UNKNOWN, "object", first(paths)).confidence(Confidence.INFERRED)
                    .note("aws s3 " + command + " without a source and a destination"));
            return;
        }
        Arg src = paths.get(paths.size() - 2);
        Arg dst = paths.getLast();
        Scope scope = many ? Scope.MANY : Scope.ONE;
        if (isS3(dst)) {
            ops.add(s3(Verb.UPDATE, "object", dst).scope(scope)
                    .note(isS3(src) ? "copies objects between S3 locations" : "uploads local files, overwriting objects"));
            if (isS3(src) && !p.has("--dryrun") && ObjectDownloads.copiesProductionData(src.value())
                    && !DeploymentWords.namesProduction(bucket(dst.value()))) {
                // s3://acme-prod-uploads → s3://acme-dev-uploads: production's data, now in another environment's bucket
                ops.add(s3(Verb.READ, "object", src).scope(scope)
                        .locator(dev.interlock.analysis.shell.recognizers.database.DatabaseOps.COPIES_DATA, "objects")
                        .note("copies production's data to " + dst.value()));
            }
        } else {
            Operation.Builder download = s3(Verb.READ, "object", src).scope(scope).note("downloads to " + dst.value());
            // a public bucket (--no-sign-request) or one no deployment word ties to an environment is not prod's data
            boolean deployed = DeploymentWords.named(bucket(src.value())) || p.value("--profile").filter(DeploymentWords::named).isPresent();
            if (!isS3(src) || !holdsData(src.value()) || !deployed || p.has("--no-sign-request")) {
                ops.add(download);
            } else {
                // aws s3 sync s3://acme-prod-data/ ./local-copy/: the bucket's data, now on this machine
                ops.add(download.locator(dev.interlock.analysis.shell.recognizers.database.DatabaseOps.COPIES_DATA, "objects")
                        .note("downloads data objects to " + dst.value() + " on this machine"));
            }
        }
        if (command.equals("mv")) {
            // The source is gone afterwards, but its data now lives at the destination.
            ops.add(place(src, Verb.DELETE).scope(scope).reversible(true).note("mv removes the source after copying"));
        }
        if (command.equals("sync") && p.has("--delete")) {
            ops.add(place(dst, Verb.DELETE).scope(Scope.MANY).stateful(true).reversible(false)
                    .note("sync --delete removes files at the destination that the source does not have"));
        }
    }

    /** What a download of {@code s3://path} brings here is data (see {@link ObjectDownloads#holdsData}). */
    private static boolean holdsData(String path) {
        return ObjectDownloads.holdsData(path.substring("s3://".length()));
    }

    /** An operation on the source or destination, wherever it is: an S3 object or a local file. */
    private static Operation.Builder place(Arg where, Verb verb) {
        if (isS3(where)) {
            return s3(verb, "object", where);
        }
        return Operation.builder("filesystem", verb).resource("file", where.value()).locator("path", where.value())
                .confidence(where.literal() ? Confidence.EXACT : Confidence.INFERRED);
    }

    private static Operation.Builder s3(Verb verb, String type, Arg path) {
        Operation.Builder b = Operation.builder("aws", verb).resource(type, path.value())
                .locator("bucket", bucket(path.value()));
        return path.literal() ? b : b.confidence(Confidence.INFERRED).note("the S3 path comes from a variable");
    }

    private static Arg first(List<Arg> paths) {
        return paths.isEmpty() ? Arg.of("") : paths.getFirst();
    }

    static boolean isS3(Arg a) {
        return a.value().startsWith("s3://") || a.value().startsWith("S3://");
    }

    /** {@code s3://bucket/key} → {@code bucket}; a bare bucket name (rb, mb accept them) stays as it is. */
    static String bucket(String path) {
        String p = path.startsWith("s3://") || path.startsWith("S3://") ? path.substring(5) : path;
        if (p.startsWith("arn:")) {
            return p;
        }
        int slash = p.indexOf('/');
        return slash < 0 ? p : p.substring(0, slash);
    }
}
