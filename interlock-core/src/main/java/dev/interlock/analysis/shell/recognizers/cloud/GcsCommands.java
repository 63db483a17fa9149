package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.iac.IacArgs;
import dev.interlock.analysis.shell.recognizers.storage.ObjectDownloads;
import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cloud Storage object commands, shared by {@code gsutil} and {@code gcloud storage rm|cp|mv|rsync|ls…}. What matters
 * is the URL: a bucket root removed recursively is the whole bucket; {@code gs://b/*} is everything in it.
 */
final class GcsCommands {

    private GcsCommands() {
    }

    private static final Set<String> GSUTIL_TOP_VALUED = Set.of("-u", "-o", "-h", "-i");
    private static final Map<String, Set<String>> GSUTIL_VALUED = Map.of(
            "mb", Set.of("p", "l", "c", "b", "k", "s", "retention", "pap", "rpo", "placement"),
            "cp", Set.of("z", "j", "a", "s", "L"),
            "rsync", Set.of("x", "j", "a", "s", "y", "z"),
            "signurl", Set.of("d", "m", "r", "b", "c", "u"),
            "iam", Set.of("d"),
            "acl", Set.of("u", "g", "p", "d"),
            "defacl", Set.of("u", "g", "p", "d"));
    private static final Set<String> READS = Set.of("ls", "cat", "du", "stat", "hash", "version", "help", "ver");
    private static final Set<String> SETTINGS = Set.of("setmeta", "lifecycle", "versioning", "retention", "label",
            "cors", "web", "logging", "notification", "kms", "autoclass", "requesterpays", "ubla", "pap", "rpo",
            "bucketpolicyonly", "defstorageclass", "compose", "rewrite");

    static List<Operation> gsutil(Invocation inv) {
        List<Arg> args = inv.args();
        int i = 0;
        String project = "";
        String impersonate = "";
        while (i < args.size() && args.get(i).value().startsWith("-")) {
            String flag = args.get(i).value();
            if (GSUTIL_TOP_VALUED.contains(flag) && i + 1 < args.size()) {
                String value = args.get(++i).value();
                project = flag.equals("-u") ? value : project;
                impersonate = flag.equals("-i") ? value : impersonate;
            }
            i++;
        }
        if (i >= args.size()) {
            return List.of();
        }
        String cmd = args.get(i).value();
        Set<String> valued = GSUTIL_VALUED.getOrDefault(cmd, Set.of());
        IacArgs a = IacArgs.parse(unbundle(args.subList(i + 1, args.size()), valued), valued, Set.of(), false);
        if (cmd.equals("mb") && a.value("p").isPresent()) {
            project = a.value("p").get();
        }
        Map<String, String> locators = Map.of("project", project.isEmpty()
                ? inv.env().getOrDefault("CLOUDSDK_CORE_PROJECT", inv.env().getOrDefault("GOOGLE_CLOUD_PROJECT", "")) : project);
        List<Operation> ops = new ArrayList<>();
        if (!impersonate.isEmpty()) {
            ops.add(op(inv, locators, Verb.ESCALATE).resource("service-account", impersonate)
                    .note("acts as the service account " + impersonate).build());
        }
        List<Arg> urls = a.positionals();
        String sub = urls.isEmpty() ? "" : urls.getFirst().value();
        ops.addAll(switch (cmd) {
            case "rm", "del", "delete", "remove" -> remove(inv, locators, urls, a.has("r", "R", "recursive"), a.has("I"));
            case "rb" -> urls.stream().map(u -> op(inv, locators, Verb.DELETE).resource("bucket", u.value())
                    .stateful(true).reversible(false).note("deletes the bucket").build()).toList();
            case "mb", "makebucket" -> urls.stream().map(u -> op(inv, locators, Verb.CREATE).resource("bucket", u.value()).build()).toList();
            case "cp", "copy", "mv", "move", "rename" -> copy(inv, locators, urls, cmd.startsWith("m") || cmd.equals("rename"), !a.has("n"));
            case "rsync" -> rsync(inv, locators, urls, a.has("d"), a.has("n"));
            case "iam", "acl", "defacl" -> {
                // allUsers, allAuthenticatedUsers or a public canned ACL: readable by anyone
                boolean everyone = !sub.equals("get") && inv.words().stream().anyMatch(w -> Regex.find(w,
                        "(?i)\\ball(Authenticated)?Users\\b|^public-read(-write)?$"));
                yield List.of(op(inv, locators, sub.equals("get") ? Verb.READ : Verb.GRANT)
                        .resource("bucket", urls.isEmpty() ? "" : urls.getLast().value()).scope(everyone ? Scope.ALL : Scope.ONE)
                        .note(sub.equals("get") ? "" : everyone ? "makes it public: anyone may read it" : "changes who may access the bucket").build());
            }
            case "signurl" -> List.of(op(inv, locators, Verb.CREDENTIAL).resource("object", urls.isEmpty() ? "" : urls.getLast().value())
                    .note("creates a signed URL that gives anyone holding it access").build());
            case "config" -> List.of(op(inv, locators, Verb.UPDATE).resource("configuration", "~/.boto")
                    .note("writes gsutil credentials on this machine").build());
            default -> {
                if (READS.contains(cmd) || SETTINGS.contains(cmd) && sub.equals("get")) {
                    yield List.of(op(inv, locators, Verb.READ).resource("object", urls.isEmpty() ? "" : urls.getLast().value()).build());
                }
                if (SETTINGS.contains(cmd)) {
                    yield List.of(op(inv, locators, Verb.UPDATE).resource("bucket", urls.isEmpty() ? "" : urls.getLast().value())
                            .note(cmd.equals("lifecycle") ? "lifecycle rules can delete objects" : "").build());
                }
                yield List.of(op(inv, locators, Verb.UNKNOWN).confidence(Confidence.INFERRED)
                        .note("unrecognized gsutil command '" + cmd + "'").build());
            }
        });
        return withBuckets(ops);
    }

    static List<Operation> storage(Invocation inv, IacArgs a, String cmd, List<Arg> urls) {
        Operation.Builder base = GcloudRecognizer.base(inv, a, Verb.READ);
        Map<String, String> locators = base.build().resource().locators();
        return withBuckets(switch (cmd) {
            case "rm" -> remove(inv, locators, urls, a.has("recursive", "r", "R"), a.has("read-paths-from-stdin", "I"));
            case "cp", "mv" -> copy(inv, locators, urls, cmd.equals("mv"), !a.has("no-clobber", "n"));
            case "rsync" -> rsync(inv, locators, urls, a.has("delete-unmatched-destination-objects"), a.has("dry-run"));
            default -> List.of(op(inv, locators, Verb.READ).resource("object", urls.isEmpty() ? "" : urls.getLast().value()).build());
        });
    }

    /** The bucket each operation acts on, as a locator: a bucket named for an environment places it (inventory {@code bucket}). */
    private static List<Operation> withBuckets(List<Operation> ops) {
        return ops.stream().map(op -> {
            String name = op.resource().name();
            if (!name.startsWith("gs://") || op.resource().locators().containsKey("bucket")) {
                return op;
            }
            String rest = name.substring("gs://".length());
            return op.toBuilder().locator("bucket", rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest).build();
        }).toList();
    }

    private static List<Operation> remove(Invocation inv, Map<String, String> locators, List<Arg> urls, boolean recursive, boolean fromStdin) {
        if (urls.isEmpty()) {
            return List.of(op(inv, locators, Verb.DELETE).resource("object", "(names read from stdin)").scope(Scope.MANY)
                    .stateful(true).reversible(false).confidence(fromStdin ? Confidence.INFERRED : Confidence.EXACT).build());
        }
        List<Operation> ops = new ArrayList<>();
        for (Arg url : urls) {
            String u = url.value();
            String path = objectPath(u);
            Operation.Builder b = op(inv, locators, Verb.DELETE).stateful(true).reversible(false)
                    .confidence(url.literal() ? Confidence.EXACT : Confidence.INFERRED);
            if (u.startsWith("gs://") && path.isEmpty() && recursive) {
                b.resource("bucket", u).scope(Scope.ALL).note("deletes every object in the bucket and the bucket itself");
            } else if (path.equals("*") || path.equals("**") || recursive && path.isEmpty()) {
                b.resource("object", u).scope(Scope.ALL).note("deletes every object in the bucket");
            } else if (url.glob() || u.contains("*") || recursive) {
                b.resource("object", u).scope(Scope.MANY);
            } else {
                b.resource("object", u).scope(Scope.ONE);
            }
            ops.add(b.build());
        }
        return ops;
    }

    private static List<Operation> copy(Invocation inv, Map<String, String> locators, List<Arg> urls, boolean move, boolean overwrite) {
        if (urls.size() < 2) {
            return List.of(op(inv, locators, Verb.UPDATE).resource("object", urls.isEmpty() ? "" : urls.getFirst().value())
                    .confidence(Confidence.INFERRED).build());
        }
        String destination = urls.getLast().value();
        List<Arg> sources = urls.subList(0, urls.size() - 1);
        List<Operation> ops = new ArrayList<>();
        if (destination.startsWith("gs://")) {
            ops.add(op(inv, locators, Verb.UPDATE).resource("object", destination)
                    .scope(sources.size() > 1 || sources.stream().anyMatch(s -> s.value().contains("*")) ? Scope.MANY : Scope.ONE)
                    .note(overwrite ? "overwrites objects of the same name" : "").build());
        } else {
            ops.add(download(inv, locators, sources.getFirst().value()));
        }
        if (move) {
            for (Arg s : sources) {
                if (s.value().startsWith("gs://")) {
                    ops.add(op(inv, locators, Verb.DELETE).resource("object", s.value()).stateful(false)
                            .note("moved: the source objects are removed after copying").build());
                }
            }
        }
        return ops;
    }

    private static List<Operation> rsync(Invocation inv, Map<String, String> locators, List<Arg> urls, boolean delete, boolean dryRun) {
        String destination = urls.isEmpty() ? "" : urls.getLast().value();
        boolean remote = destination.startsWith("gs://");
        if (dryRun) {
            return List.of(op(inv, locators, Verb.READ).resource("object", urls.isEmpty() ? "" : urls.getFirst().value()).build());
        }
        if (!remote) {
            return List.of(download(inv, locators, urls.isEmpty() ? "" : urls.getFirst().value()));
        }
        if (delete) {
            return List.of(op(inv, locators, Verb.DELETE).resource("object", destination).scope(Scope.MANY).stateful(true)
                    .reversible(false).note("deletes every object in " + destination + " missing from the source").build());
        }
        return List.of(op(inv, locators, Verb.UPDATE).resource("object", destination).scope(Scope.MANY).build());
    }

    /** A copy to this machine: production's data files or a bucket named for data, brought here, are a copy of the data. */
    private static Operation download(Invocation inv, Map<String, String> locators, String source) {
        Operation.Builder read = op(inv, locators, Verb.READ).resource("object", source);
        return source.startsWith("gs://") && ObjectDownloads.copiesProductionData(source)
                ? read.locator(DatabaseOps.COPIES_DATA, "objects").note("downloads production's data to this machine").build()
                : read.build();
    }

    /** gsutil's options are single letters and may be bundled: {@code -rf} is {@code -r -f}. */
    private static List<Arg> unbundle(List<Arg> args, Set<String> valued) {
        List<Arg> out = new ArrayList<>();
        for (Arg arg : args) {
            String w = arg.value();
            if (Regex.matches(w, "-[A-Za-z]{2,}") && !valued.contains(w.substring(1))) {
                for (char c : w.substring(1).toCharArray()) {
                    out.add(new Arg("-" + c, arg.literal(), false, arg.evidence()));
                }
            } else {
                out.add(arg);
            }
        }
        return out;
    }

    /** {@code gs://bucket/a/b} → {@code a/b}; {@code gs://bucket} and {@code gs://bucket/} → empty. */
    private static String objectPath(String url) {
        if (!url.startsWith("gs://")) {
            return url;
        }
        String rest = url.substring(5);
        int slash = rest.indexOf('/');
        return slash < 0 ? "" : rest.substring(slash + 1);
    }

    private static Operation.Builder op(Invocation inv, Map<String, String> locators, Verb verb) {
        Operation.Builder b = Operation.builder(GcloudRecognizer.SYSTEM, verb).evidence(inv.evidence());
        locators.forEach(b::locator);
        return b;
    }
}
