package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.network.FetchedFiles;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtection;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Workspace.Area;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commands that write one place from another: {@code mv}, {@code cp}, {@code install}, {@code ln} and {@code rsync}.
 * The destination is updated (overwritten when it exists); {@code mv} also takes its sources away from where they
 * were, {@code rsync --delete} removes what the source lacks, and a {@code host:path} operand sends or fetches data
 * over the network.
 */
final class FileCopies {

    /** Files whose owner reads them where they are: moved away, they are as good as deleted. */
    private static final Set<FileKind> MOVED_AWAY_IS_GONE = Set.of(FileKind.TERRAFORM_STATE, FileKind.COMMAND_HISTORY,
            FileKind.DATABASE_FILE);

    static final Set<String> PROGRAMS = Set.of("mv", "cp", "install", "ln", "rsync");

    /** Files that decide who may do what on this machine: writing them is a privilege change. */
    private static final Pattern PRIVILEGE_FILES = Pattern.compile(
            "/etc/(sudoers(\\.d/.*)?|passwd|shadow|group|gshadow|pam\\.d/.*|security/.*|ssh/sshd_config(\\.d/.*)?)"
                    + "|.*/\\.ssh/authorized_keys2?");
    private static final Set<String> RSYNC_VALUED = Set.of("-e", "--rsh", "--exclude", "--include", "--filter", "-f",
            "--exclude-from", "--include-from", "--files-from", "--log-file", "--password-file", "--port", "--chmod",
            "--chown", "--bwlimit", "--timeout", "--max-size", "--min-size", "--backup-dir", "--suffix", "-T",
            "--temp-dir", "--partial-dir", "--compare-dest", "--link-dest", "--copy-dest", "-B", "--block-size", "-M",
            "--remote-option", "--out-format", "--info", "--debug", "--usermap", "--groupmap", "--iconv",
            "--max-delete", "--modify-window", "--compress-level", "--skip-compress", "--rsync-path", "--contimeout");
    private static final Pattern REMOTE = Pattern.compile("^(?:rsync://)?(?:[^@/:\\s]+@)?([^/:\\s]+)::?(.*)$");

    private FileCopies() {
    }

    static List<Operation> recognize(Invocation inv) {
        return switch (inv.program()) {
            case "rsync" -> rsync(inv);
            case "ln" -> link(inv);
            default -> copy(inv);
        };
    }

    /** {@code mv}, {@code cp}, {@code install}. */
    private static List<Operation> copy(Invocation inv) {
        boolean install = inv.program().equals("install");
        boolean move = inv.program().equals("mv");
        ParsedArgs args = inv.parse(install
                ? Set.of("-m", "--mode", "-o", "--owner", "-g", "--group", "-t", "--target-directory", "-S", "--suffix")
                : Set.of("-t", "--target-directory", "-S", "--suffix"));
        List<Arg> operands = FilesystemRecognizer.operands(args);
        List<Operation> ops = new ArrayList<>();
        if (install && args.has("-d", "--directory")) {
            for (Arg dir : operands) {
                FileTarget t = FileTarget.of(dir, inv);
                ops.add(t.operation(inv, Verb.CREATE, "directory").build());
            }
            return ops;
        }
        Optional<String> targetDir = args.value("-t", "--target-directory");
        if (operands.isEmpty() || targetDir.isEmpty() && operands.size() < 2) {
            return ops;
        }
        Arg destArg = targetDir.map(Arg::of).orElse(operands.getLast());
        List<Arg> sources = targetDir.isPresent() ? operands : operands.subList(0, operands.size() - 1);
        FileTarget dest = FileTarget.of(destArg, inv);
        boolean recursive = !move && args.has("-r", "-R", "--recursive", "-a", "--archive");
        if (move && dest.path().equals("/dev/null")) {
            for (Arg source : sources) {
                ops.add(FilesystemRecognizer.removal(FileTarget.of(source, inv), false, true, inv,
                        "moved into /dev/null: gone"));
            }
            return ops;
        }
        if (move) {
            for (Arg source : sources) {
                FileTarget t = FileTarget.of(source, inv);
                if (t.catastrophic()) {
                    ops.add(t.operation(inv, Verb.DELETE, "directory").scope(t.scope(true)).stateful(true)
                            .reversible(true).note("moves it away from where the system expects it").build());
                } else if (SelfProtection.isProtectedPath(t.path(), inv.workspace())) {
                    // Interlock's own files and the agents' hook settings moved away: the guard is off.
                    ops.add(SelfProtectionRecognizer.protectedWrite(inv, inv.workspace().resolve(t.path()), "moves away"));
                } else if (MOVED_AWAY_IS_GONE.contains(FileKind.of(t.path(), inv.workspace()))) {
                    // Terraform reads state where it was: moved away is gone, and the next apply recreates everything.
                    // A history moved away is no longer where the shell and a reviewer look for it; a database file is
                    // no longer where its database (or the app) opens it.
                    FileMeaning.of(inv.workspace().resolve(t.path()), inv.workspace(), true, "moves away ")
                            .ifPresent(b -> ops.add(b.evidence(inv.evidence()).build()));
                } else if (inv.workspace().clearedAway(t.path(), dest.path()) && !t.regenerable()) {
                    // mv ~/Documents /tmp/trash, mv /srv/app/data /tmp/old: the files go where the system clears them
                    // (and others can read), and are no longer where their owner looks for them: as rm -r
                    // a name with an extension is most likely one file, like rm without -r
                    boolean file = Regex.matches(t.path(), ".*/?[^/]+\\.[A-Za-z0-9]{1,8}");
                    ops.add(FilesystemRecognizer.removal(t, !file, false, inv, "moved into a temporary directory, which the system clears"));
                }
            }
        }
        if (!move && sources.stream().anyMatch(a -> a.value().equals("/dev/null") || a.value().equals("/dev/zero"))
                && !dest.path().startsWith("/dev/")) {
            // cp /dev/null onto a file empties it: what was in it is gone, as if deleted
            ops.add(FilesystemRecognizer.removal(dest, false, true, inv, "copying /dev/null over it empties it"));
            return ops;
        }
        if (!move) {
            ops.addAll(secrets(inv, sources));
        }
        if (uf2(sources, dest)) {
            // a UF2 bootloader (a Pico's RPI-RP2) mounts as a drive and flashes itself with the file dropped on it
            ops.add(LocalFiles.local(inv, Operation.builder("device", Verb.UPDATE).resource("board", dest.path())
                    .reversible(true).confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note("flashes a development board through its UF2 bootloader drive"), "a board on this machine's USB").build());
            return ops;
        }
        boolean many = sources.size() > 1 || targetDir.isPresent() || sources.stream().anyMatch(Arg::glob);
        Operation written = destination(inv, dest, recursive && sources.stream().anyMatch(s -> !s.glob()) || many, many);
        boolean intoFolder = destArg.value().endsWith("/") || targetDir.isPresent() || sources.size() > 1;
        if (move && intoFolder && tidying(inv, dest, sources)) {
            // mv ~/Desktop/Screenshot*.png ~/Pictures/Screenshots/: the files keep their names in a folder of their owner's,
            // and moving them back undoes it; only a same-named file already there is replaced (none with -n)
            written = written.toBuilder().reversible(true).stateful(!args.has("-n", "--no-clobber", "--update=none"))
                    .note("moves the user's own files into a folder of the home directory (undone by moving them back)").build();
        }
        ops.add(written);
        String mode = args.value("-m", "--mode").orElse("");
        if (install && FileModes.setsId(mode)) {
            ops.add(dest.operation(inv, Verb.ESCALATE, "file").note("installs a setuid/setgid program").build());
        }
        return ops;
    }

    /** Only {@code .uf2} files, literal, onto a removable volume's mount: what a UF2 bootloader drive takes. */
    private static boolean uf2(List<Arg> sources, FileTarget dest) {
        if (!dest.exact()) {
            return false;
        }
        for (Arg source : sources) {
            if (!source.literal() || !source.value().toLowerCase(java.util.Locale.ROOT).endsWith(".uf2")) {
                return false;
            }
        }
        return dev.interlock.analysis.shell.recognizers.embedded.BoardPorts.removableMount(dest.path());
    }

    /**
     * Home folders that are the user's own documents, not configuration: no dot-directory ({@code ~/.config},
     * {@code ~/.ssh}), not the folders programs run or load from ({@code ~/Library}, {@code ~/bin}, {@code AppData}).
     */
    private static final Set<String> NOT_DOCUMENTS = Set.of("Library", "bin", "AppData", "snap", "Applications");

    /**
     * A move of the user's files between folders of the home directory: every source is a file or folder inside a
     * home folder (not a top-level folder such as {@code ~/Documents} itself, which programs look for), and the
     * destination a home folder; neither lies in a dot-directory or where programs run from.
     */
    private static boolean tidying(Invocation inv, FileTarget dest, List<Arg> sources) {
        String home = inv.workspace().home();
        if (dest.area() != Area.HOME || !userFolder(dest.path(), home, 1)) {
            return false;
        }
        for (Arg source : sources) {
            FileTarget t = FileTarget.of(source, inv);
            String leaf = source.value().substring(source.value().lastIndexOf('/') + 1);
            if (t.area() != Area.HOME || !t.exact() || leaf.startsWith(".") || !userFolder(t.path(), home, t.glob() ? 1 : 2)) {
                return false;
            }
        }
        return true;
    }

    private static boolean userFolder(String path, String home, int depth) {
        if (!path.startsWith(home + "/")) {
            return false;
        }
        String[] segments = path.substring(home.length() + 1).split("/");
        return segments.length >= depth && !NOT_DOCUMENTS.contains(segments[0])
                && java.util.Arrays.stream(segments).noneMatch(seg -> seg.isEmpty() || seg.startsWith("."));
    }

    /** The write to a destination: cheap inside the workspace or temp, lost data elsewhere. */
    static Operation destination(Invocation inv, FileTarget target, boolean directory, boolean many) {
        FileTarget dest = target;
        boolean ownScratch = target.area() == Area.OTHER && inv.workspace().area(target.path() + "/x") == Area.TEMP;
        if ((target.area() == Area.HOME_ROOT || target.area() == Area.SYSTEM || ownScratch) && !target.glob()) {
            // Home, the workspace, /tmp and the user's scratch are directories that exist: what is written lands inside them.
            Area inside = inv.workspace().area(target.path() + "/x");
            if (inside != Area.SYSTEM) {
                dest = new FileTarget(target.written(), target.path(), inside, false, false, target.exact());
            }
        }
        boolean own = dest.area() == Area.WORKSPACE || dest.area() == Area.TEMP;
        Operation.Builder b = dest.operation(inv, Verb.UPDATE, directory ? "directory" : "file")
                .scope(many || directory ? (dest.catastrophic() && dest.wildAll() ? Scope.ALL : Scope.MANY) : Scope.ONE)
                .stateful(!own).reversible(own);
        if (PRIVILEGE_FILES.matcher(dest.path()).matches()) {
            return b.verb(Verb.ESCALATE).note("writes a file that decides who may do what on this machine").build();
        }
        return b.note(own ? "" : "overwrites files outside the workspace").build();
    }

    /** {@code ln -s target link}: creates the link, replaces it with {@code -f}. */
    private static List<Operation> link(Invocation inv) {
        ParsedArgs args = inv.parse(Set.of("-t", "--target-directory", "-S", "--suffix"));
        List<Arg> operands = FilesystemRecognizer.operands(args);
        if (operands.isEmpty()) {
            return List.of();
        }
        Optional<String> targetDir = args.value("-t", "--target-directory");
        Arg linkArg = targetDir.map(Arg::of).orElse(operands.size() == 1 ? Arg.of(".") : operands.getLast());
        FileTarget link = FileTarget.of(linkArg, inv);
        boolean force = args.has("-f", "--force");
        if (PRIVILEGE_FILES.matcher(link.path()).matches()) {
            return List.of(link.operation(inv, Verb.ESCALATE, "link").note("links over a file that decides who may do what").build());
        }
        List<Arg> sources = operands.size() == 1 || targetDir.isPresent() ? operands : operands.subList(0, operands.size() - 1);
        for (Arg source : sources) {
            if (CredentialRecognizer.secret(inv, source)) {
                // ln -s ~/.aws/credentials x && cat x: a second name for a secret is a way to read it unseen
                return List.of(CredentialRecognizer.secretFile(inv, source.value()).toBuilder()
                        .note("links to secret material (" + LocalFiles.basename(source.value()) + ") under another name").build());
            }
        }
        boolean own = link.area() == Area.WORKSPACE || link.area() == Area.TEMP || link.area() == Area.HOME_ROOT;
        return List.of(link.operation(inv, force ? Verb.UPDATE : Verb.CREATE, "link")
                .stateful(force && !own).reversible(own || !force)
                .note(force ? "replaces whatever is at the link's path" : "").build());
    }

    /** {@code rsync}: local copies update the destination; remote operands move data over the network. */
    private static List<Operation> rsync(Invocation inv) {
        ParsedArgs args = inv.parse(RSYNC_VALUED);
        List<Arg> operands = FilesystemRecognizer.operands(args);
        if (operands.size() < 2) {
            return operands.isEmpty() ? List.of()
                    : List.of(Operation.builder("filesystem", Verb.READ).resource("directory", operands.getFirst().value())
                            .evidence(inv.evidence()).note("lists files").build());
        }
        Arg destArg = operands.getLast();
        List<Arg> sources = operands.subList(0, operands.size() - 1);
        boolean dryRun = args.has("-n", "--dry-run", "--list-only");
        boolean deletes = args.flags().keySet().stream().anyMatch(f -> f.equals("--del") || f.startsWith("--delete"));
        List<Operation> ops = new ArrayList<>();
        for (Arg source : sources) {
            Matcher remote = remote(source);
            if (remote != null) {
                Operation.Builder fetch = Operation.builder("network", Verb.READ).resource("host", remote.group(1))
                        .locator("host", remote.group(1)).locator("path", remote.group(2)).evidence(inv.evidence())
                        .note("fetches files from " + remote.group(1));
                FetchedFiles.judged(fetch, remote.group(2), remote.group(1));
                ops.add(fetch.build());
            }
        }
        ops.addAll(secrets(inv, sources.stream().filter(a -> remote(a) == null).toList()));
        if (dryRun) {
            ops.add(Operation.builder("filesystem", Verb.READ).resource("directory", destArg.value())
                    .evidence(inv.evidence()).note("dry run: only lists what would change").build());
            return ops;
        }
        Matcher remoteDest = remote(destArg);
        if (remoteDest != null) {
            String host = remoteDest.group(1);
            ops.add(Operation.builder("network", Verb.TRANSFER).resource("host", host).locator("host", host)
                    .locator("path", remoteDest.group(2)).scope(Scope.MANY).evidence(inv.evidence())
                    .note("sends local files to " + host).build());
            if (deletes) {
                ops.add(Operation.builder("filesystem", Verb.DELETE).resource("directory", remoteDest.group(2))
                        .locator("host", host).locator("path", remoteDest.group(2)).scope(Scope.MANY).stateful(true)
                        .reversible(false).evidence(inv.evidence())
                        .note("--delete removes files on " + host + " that the source lacks").build());
            }
        } else {
            FileTarget dest = FileTarget.of(destArg, inv);
            ops.add(destination(inv, dest, true, true));
            if (deletes) {
                Operation removal = FilesystemRecognizer.removal(dest, true, false, inv,
                        "--delete removes files in the destination that the source lacks");
                Operation.Builder b = removal.scope() == Scope.ALL ? removal.toBuilder() : removal.toBuilder().scope(Scope.MANY);
                boolean sourcesInWorkspace = sources.stream().allMatch(a -> remote(a) == null
                        && FileTarget.of(a, inv).area() == Area.WORKSPACE);
                if (dest.area() == Area.WORKSPACE && sourcesInWorkspace && removal.scope() != Scope.ALL) {
                    // mirroring one workspace directory into another (build/ → public/): the source still has it all
                    b.stateful(false).reversible(true);
                }
                ops.add(b.build());
            }
        }
        if (args.has("--remove-source-files")) {
            for (Arg source : sources) {
                Matcher remote = remote(source);
                if (remote != null) {
                    // the sender removes what it sent: the files are gone from that host, kept only here
                    ops.add(Operation.builder("filesystem", Verb.DELETE).resource("file", remote.group(2))
                            .locator("host", remote.group(1)).locator("path", remote.group(2)).scope(Scope.MANY)
                            .stateful(true).reversible(false).evidence(inv.evidence())
                            .note("--remove-source-files deletes the copied files on " + remote.group(1)).build());
                } else {
                    FileTarget t = FileTarget.of(source, inv);
                    ops.add(t.operation(inv, Verb.DELETE, "file").scope(Scope.MANY).stateful(false).reversible(true)
                            .note("removes the source files once copied").build());
                }
            }
        }
        return ops.stream().map(op -> op.confidence() == Confidence.EXACT && !destArg.literal()
                ? op.toBuilder().confidence(Confidence.INFERRED).build() : op).toList();
    }

    /** Copying a key, a credentials file or a {@code .env} reads the secret in it. */
    private static List<Operation> secrets(Invocation inv, List<Arg> sources) {
        return CredentialRecognizer.reads(inv, sources, inv.program()).stream()
                .filter(op -> op.verb() == Verb.CREDENTIAL).toList();
    }

    /** {@code host:path}, {@code user@host:path}, {@code host::module} or {@code rsync://host/module}; null when local. */
    private static Matcher remote(Arg operand) {
        String v = operand.value();
        if (v.startsWith("/") || v.startsWith(".") || v.startsWith("~")) {
            return null;
        }
        if (v.startsWith("rsync://")) {
            String rest = v.substring("rsync://".length());
            int slash = rest.indexOf('/');
            Matcher m = REMOTE.matcher(slash < 0 ? rest + ":" : rest.substring(0, slash) + ":" + rest.substring(slash + 1));
            return m.matches() ? m : null;
        }
        Matcher m = REMOTE.matcher(v);
        return m.matches() ? m : null;
    }
}
