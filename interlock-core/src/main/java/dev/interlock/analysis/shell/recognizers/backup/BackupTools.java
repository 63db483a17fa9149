package dev.interlock.analysis.shell.recognizers.backup;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backup repositories: restic, borg, duplicity and wal-g. Listing, checking and restoring read the repository;
 * backups add to it; forgetting, pruning and repairing lose snapshots. Some deletes only list what they would remove
 * unless confirmed ({@code duplicity remove-older-than} without {@code --force}, {@code wal-g delete} without
 * {@code --confirm}); {@code -n}/{@code --dry-run} does the same. Printing the repository's master key is a
 * {@code credential} read. Where the repository lives decides the environment: a path on this machine is local
 * files, a remote names its host or bucket.
 */
public final class BackupTools implements Recognizer {

    /**
     * One tool: subcommand (one or two words) → what it does, with anything unlisted a read; subcommands that print
     * the repository's keys; flags that make it a dry run; the flag a delete needs to act (empty: acts without one)
     * and the subcommands that need it; flags naming the repository and the variables that do; subcommands that bring
     * the repository's files to this machine.
     */
    private record Tool(Map<String, Verb> verbs, Set<String> secrets, Set<String> dryRun, String confirm,
                        Set<String> needConfirm, Set<String> repoFlags, List<String> repoVariables, Set<String> valued,
                        Set<String> fetches, boolean repoOperand) {
    }

    private static final Map<String, Tool> TOOLS = Map.of(
            "restic", new Tool(Map.ofEntries(Map.entry("init", Verb.CREATE), Map.entry("backup", Verb.CREATE),
                    Map.entry("copy", Verb.CREATE), Map.entry("tag", Verb.UPDATE), Map.entry("forget", Verb.DELETE),
                    Map.entry("prune", Verb.DELETE), Map.entry("rewrite", Verb.REPLACE), Map.entry("repair snapshots", Verb.REPLACE),
                    Map.entry("repair index", Verb.UPDATE), Map.entry("repair packs", Verb.UPDATE), Map.entry("unlock", Verb.UPDATE),
                    Map.entry("migrate", Verb.UPDATE), Map.entry("key add", Verb.GRANT), Map.entry("key passwd", Verb.UPDATE),
                    Map.entry("key remove", Verb.DELETE)),
                    Set.of("cat masterkey"), Set.of("-n", "--dry-run"), "", Set.of(), Set.of("-r", "--repo"),
                    List.of("RESTIC_REPOSITORY"), Set.of("-r", "--repo", "--password-file", "-p", "--password-command",
                            "--cache-dir", "-o", "--option", "--repository-file", "--keep-last", "--keep-daily", "--keep-weekly",
                            "--keep-monthly", "--keep-yearly", "--keep-within", "--keep-tag", "--tag", "--host", "--path",
                            "--target", "-t", "--exclude", "-e", "--include", "-i", "--iinclude", "--iexclude", "--files-from", "--limit-upload", "--limit-download",
                            "--from-repo", "--from-password-file", "--max-unused", "--group-by", "-g", "--pack-size"),
                    Set.of("restore", "dump", "mount"), false),
            "borg", new Tool(Map.ofEntries(Map.entry("init", Verb.CREATE), Map.entry("rcreate", Verb.CREATE),
                    Map.entry("create", Verb.CREATE), Map.entry("transfer", Verb.CREATE), Map.entry("delete", Verb.DELETE),
                    Map.entry("rdelete", Verb.DELETE), Map.entry("prune", Verb.DELETE), Map.entry("compact", Verb.DELETE),
                    Map.entry("recreate", Verb.REPLACE), Map.entry("rename", Verb.UPDATE), Map.entry("break-lock", Verb.UPDATE),
                    Map.entry("upgrade", Verb.UPDATE), Map.entry("key change-passphrase", Verb.UPDATE),
                    Map.entry("key import", Verb.UPDATE), Map.entry("key change-location", Verb.UPDATE),
                    // check --repair rewrites the repository and may drop damaged archives
                    Map.entry("check --repair", Verb.REPLACE)),
                    Set.of("key export"), Set.of("-n", "--dry-run"), "", Set.of(), Set.of("--repo", "-r"),
                    List.of("BORG_REPO"), Set.of("--repo", "-r", "--remote-path", "--rsh", "--keep-last", "--keep-daily",
                            "--keep-weekly", "--keep-monthly", "--keep-yearly", "--keep-within", "-d", "-w", "-m", "-y",
                            "--glob-archives", "-a", "--prefix", "-e", "--exclude", "--compression", "-C", "--encryption",
                            "--lock-wait", "--umask", "--comment", "--checkpoint-interval"),
                    Set.of("extract", "export-tar", "mount"), true),
            "duplicity", new Tool(Map.ofEntries(Map.entry("full", Verb.CREATE), Map.entry("incremental", Verb.CREATE),
                    Map.entry("incr", Verb.CREATE), Map.entry("backup", Verb.CREATE), Map.entry("remove-older-than", Verb.DELETE),
                    Map.entry("remove-all-but-n-full", Verb.DELETE), Map.entry("remove-all-inc-of-but-n-full", Verb.DELETE),
                    Map.entry("cleanup", Verb.DELETE)),
                    Set.of(), Set.of("--dry-run"), "--force",
                    Set.of("remove-older-than", "remove-all-but-n-full", "remove-all-inc-of-but-n-full", "cleanup"),
                    Set.of(), List.of(), Set.of("--name", "--archive-dir", "--encrypt-key", "--sign-key", "--file-to-restore",
                            "-t", "--time", "--exclude", "--include", "--full-if-older-than", "--volsize", "--s3-endpoint-url"),
                    Set.of("restore"), true),
            "wal-g", new Tool(Map.ofEntries(Map.entry("backup-push", Verb.CREATE), Map.entry("wal-push", Verb.CREATE),
                    Map.entry("delete", Verb.DELETE), Map.entry("backup-mark", Verb.UPDATE), Map.entry("st rm", Verb.DELETE),
                    Map.entry("st put", Verb.CREATE), Map.entry("st transfer", Verb.CREATE)),
                    Set.of(), Set.of(), "--confirm", Set.of("delete"), Set.of(),
                    List.of("WALG_S3_PREFIX", "WALG_GS_PREFIX", "WALG_AZ_PREFIX", "WALG_SWIFT_PREFIX", "WALG_FILE_PREFIX",
                            "WALG_SSH_PREFIX", "WALE_S3_PREFIX"), Set.of("--config", "--turbo", "-f", "--target"),
                    // wal-g only stores PostgreSQL (or MySQL) backups: a fetch is the database's rows
                    Set.of("backup-fetch", "wal-fetch", "binlog-fetch", "catchup-fetch"), false));

    /** Repository spellings that name a remote place: restic's backend prefixes, URLs, borg's {@code user@host:path}. */
    private static final Pattern BACKEND = Pattern.compile(
            "^(?:(?:s3|b2|gs|azure|swift):(?<bucket>[^:/]+)|sftp:(?:[^@]+@)?(?<sftp>[^:/]+)|rest:(?<rest>.+)|rclone:(?<remote>[^:]+):"
                    + "|(?<url>[a-z0-9+]+://.+)|(?:[^@/]+@)?(?<scp>[A-Za-z0-9][A-Za-z0-9.-]*):(?!//).*)");

    @Override
    public Set<String> programs() {
        return TOOLS.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        Tool tool = TOOLS.get(inv.program());
        ParsedArgs p = inv.parse(tool.valued());
        List<String> words = p.words();
        String one = words.isEmpty() ? "" : words.getFirst();
        String two = words.size() > 1 ? one + " " + words.get(1) : one;
        String sub = tool.verbs().containsKey(two) || tool.secrets().contains(two) ? two : one;
        if (inv.program().equals("borg") && one.equals("check") && p.has("--repair")) {
            sub = "check --repair";
        }
        String repo = repository(inv, tool, p, words, sub);
        if (tool.secrets().contains(sub)) {
            return List.of(at(inv, Operation.builder(inv.program(), Verb.CREDENTIAL).resource("secret", repo), repo)
                    .note(inv.program() + " " + sub + " prints the repository's key").build());
        }
        Verb verb = tool.verbs().getOrDefault(sub, Verb.READ);
        // duplicity SRC URL with no command backs up; duplicity URL DIR restores
        if (inv.program().equals("duplicity") && !tool.verbs().containsKey(sub) && words.size() >= 2
                && !one.contains("://") && (one.contains("/") || one.startsWith(".") || one.startsWith("~"))
                && words.getLast().contains("://")) {
            verb = Verb.CREATE;
        }
        String unconfirmed = tool.needConfirm().contains(sub) && !p.has(tool.confirm()) ? " without " + tool.confirm() : "";
        boolean dry = tool.dryRun().stream().anyMatch(p::has);
        if (verb != Verb.READ && (dry || !unconfirmed.isEmpty())) {
            return List.of(at(inv, Operation.builder(inv.program(), Verb.READ).resource("repository", repo), repo)
                    .note(inv.program() + " " + sub + (dry ? " as a dry run" : unconfirmed) + " only lists what it would change").build());
        }
        Operation.Builder b = at(inv, Operation.builder(inv.program(), verb).resource("repository", repo), repo);
        if (tool.fetches().contains(sub) && (inv.program().equals("wal-g")
                || inv.words().stream().anyMatch(w -> !w.equals(repo) && DatabaseOps.holdsRows("/" + w)))) {
            // restic restore --include /var/lib/postgresql: a database's files, brought here from the backup (borg names
            // archive paths without the leading slash)
            b.locator(DatabaseOps.COPIES_DATA, "backup").note(inv.program() + " " + sub + " brings database files from " + repo + " to this machine");
        }
        java.util.Optional<String> target = p.value("--target").or(() -> inv.program().equals("restic") ? p.value("-t") : java.util.Optional.empty());
        if (tool.fetches().contains(sub) && target.isPresent() && dev.interlock.environment.DataFiles.liveDirectory(target.get())) {
            // restic restore latest --target /srv/app/data: the snapshot's files overwrite the live ones in place
            return List.of(b.build(), LocalFiles.on(inv, Verb.REPLACE, "directory", target.get()).scope(Scope.MANY).stateful(true)
                    .reversible(false).note(inv.program() + " " + sub + " writes the snapshot over the live data in " + target.get()).build());
        }
        if (verb == Verb.DELETE || verb == Verb.REPLACE) {
            boolean whole = inv.program().equals("borg") && sub.endsWith("delete") && !repo.contains("::") && !p.has("-a", "--glob-archives");
            b.stateful(true).reversible(false).scope(whole ? Scope.ALL : Scope.MANY)
                    .note(inv.program() + " " + sub + (whole ? " deletes the whole repository " : " drops snapshots from ") + repo);
        }
        return List.of(b.build());
    }

    /** The repository: its flag, the tool's variable, else the operand that looks like one. */
    private static String repository(Invocation inv, Tool tool, ParsedArgs p, List<String> words, String sub) {
        Optional<String> flagged = tool.repoFlags().isEmpty() ? Optional.empty() : p.value(tool.repoFlags().toArray(String[]::new));
        if (flagged.isPresent()) {
            return flagged.get();
        }
        if (!tool.repoOperand()) {
            return variable(inv, tool);
        }
        int named = (int) java.util.Arrays.stream(sub.split(" ")).filter(w -> !w.startsWith("-")).count();
        for (String w : words.subList(Math.min(named, words.size()), words.size())) {
            if (BACKEND.matcher(w).matches() || w.startsWith("/") || w.startsWith("./") || w.startsWith("~")) {
                if (!inv.program().equals("duplicity") || w.contains("://")) {
                    return w;
                }
            }
        }
        return variable(inv, tool);
    }

    private static String variable(Invocation inv, Tool tool) {
        return tool.repoVariables().stream().map(v -> inv.env().getOrDefault(v, "")).filter(v -> !v.isEmpty()).findFirst()
                .orElse("");
    }

    /** Locators for where the repository lives: a remote's host or bucket, else files on this machine. */
    private static Operation.Builder at(Invocation inv, Operation.Builder b, String repo) {
        b.evidence(inv.evidence());
        inv.locators().forEach(b::locator);
        String place = repo.contains("::") ? repo.substring(0, repo.indexOf("::")) : repo;
        if (place.isEmpty()) {
            return b;
        }
        Matcher m = BACKEND.matcher(place);
        if (place.startsWith("file://") || !m.matches()) {
            String path = place.startsWith("file://") ? place.substring("file://".length()) : place;
            String resolved = inv.workspace().resolve(path);
            return LocalFiles.local(inv, b.locator("path", resolved).locator("area", inv.workspace().area(path).wire()),
                    "a backup repository on this machine");
        }
        if (m.group("bucket") != null) {
            return b.locator("bucket", m.group("bucket"));
        }
        String host = m.group("sftp") != null ? m.group("sftp") : m.group("remote") != null ? m.group("remote")
                : m.group("scp") != null ? m.group("scp") : Hosts.of(m.group("rest") != null ? m.group("rest") : m.group("url"));
        if (m.group("url") != null && m.group("url").matches("(?i)^[a-z0-9+]*s3://.*|^gs://.*|^azure://.*")) {
            return b.locator("bucket", host);
        }
        return b.locator("host", host);
    }
}
