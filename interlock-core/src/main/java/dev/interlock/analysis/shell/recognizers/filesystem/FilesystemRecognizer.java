package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtection;
import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.Workspace.Area;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Local file and disk commands: removal ({@code rm}, {@code rmdir}, {@code unlink}, {@code srm}, {@code shred},
 * {@code truncate}) here; copies and moves in {@link FileCopies}, modes and owners in {@link FileModes}, disks and
 * mounts in {@link Disks}. What is at stake comes from where each operand lies ({@link FileTarget}): temp files and
 * regenerable build output are cheap, the workspace's own files are recoverable one at a time, a recursive delete
 * loses work, and the root, a home directory, the workspace itself or a system directory is catastrophic.
 */
public final class FilesystemRecognizer implements Recognizer {

    private static final Set<String> REMOVERS = Set.of("rm", "rmdir", "unlink", "srm", "shred", "truncate");
    /** Credentials and cluster access kept in the home directory: removing one of these is removing everything. */
    private static final Set<String> HOME_SECRETS = Set.of(".ssh", ".aws", ".kube", ".gnupg", ".docker", ".azure",
            ".config/gcloud", ".password-store");

    @Override
    public Set<String> programs() {
        Set<String> all = new java.util.TreeSet<>(REMOVERS);
        all.addAll(FileCopies.PROGRAMS);
        all.addAll(FileModes.PROGRAMS);
        all.addAll(Disks.PROGRAMS);
        all.addAll(Compressors.PROGRAMS);
        all.addAll(Trash.PROGRAMS);
        all.addAll(TwoWaySyncs.PROGRAMS);
        return all;
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<Operation> ops = new ArrayList<>(files(inv));
        // Deleting, moving over or re-moding Interlock's own configuration is self-protection's business too.
        for (Operation op : List.copyOf(ops)) {
            String path = op.resource().locator("path");
            if (op.system().equals("filesystem") && op.verb() != Verb.READ && !path.isEmpty() && protectedPath(inv, path)) {
                ops.add(SelfProtectionRecognizer.protectedWrite(inv, path, op.verb() == Verb.DELETE ? "deletes" : "changes"));
            } else if (op.system().equals("filesystem") && op.verb() != Verb.READ && !path.isEmpty()
                    && FileKind.of(path, inv.workspace()) != FileKind.CREDENTIALS) {
                // rm terraform.tfstate, cp x .github/workflows/deploy.yml: what the file stands for changes too (copying,
                // moving or re-moding a credential file is routine; overwriting one with > is not, see RedirectWrites)
                boolean delete = op.verb() == Verb.DELETE;
                FileMeaning.of(path, inv.workspace(), delete, delete ? "deletes " : "changes ")
                        .ifPresent(b -> ops.add(b.evidence(inv.evidence()).build()));
            }
        }
        return ops;
    }

    private static boolean protectedPath(Invocation inv, String path) {
        String home = inv.env().getOrDefault("INTERLOCK_HOME", "");
        String interlockHome = home.isEmpty() ? "" : inv.workspace().resolve(home);
        return SelfProtection.isProtectedPath(path, inv.workspace())
                || !interlockHome.isEmpty() && (path.equals(interlockHome) || path.startsWith(interlockHome + "/"));
    }

    private List<Operation> files(Invocation inv) {
        if (helpOnly(inv)) {
            return List.of();
        }
        String program = inv.program();
        if (FileCopies.PROGRAMS.contains(program)) {
            return FileCopies.recognize(inv);
        }
        if (FileModes.PROGRAMS.contains(program)) {
            return FileModes.recognize(inv);
        }
        if (Disks.PROGRAMS.contains(program)) {
            return Disks.recognize(inv);
        }
        if (Compressors.PROGRAMS.contains(program)) {
            return Compressors.recognize(inv);
        }
        if (Trash.PROGRAMS.contains(program)) {
            return Trash.recognize(inv);
        }
        if (TwoWaySyncs.PROGRAMS.contains(program)) {
            return TwoWaySyncs.recognize(inv);
        }
        return switch (program) {
            // cmd's rmdir /s /q removes a whole tree
            case "rmdir" -> inv.words().stream().anyMatch(w -> w.equalsIgnoreCase("/s") || w.equalsIgnoreCase("/q"))
                    ? dev.interlock.analysis.shell.recognizers.windows.WindowsCommands.removeDirectory(inv) : rmdir(inv);
            case "truncate" -> truncate(inv);
            default -> remove(inv, program.equals("shred"));
        };
    }

    static boolean helpOnly(Invocation inv) {
        List<String> words = inv.words();
        return words.contains("--help") || words.contains("--version");
    }

    /** {@code rm}, {@code unlink}, {@code srm}, {@code shred}: each operand is one delete. */
    private static List<Operation> remove(Invocation inv, boolean shred) {
        ParsedArgs args = inv.parse(shred ? Set.of("-n", "--iterations", "-s", "--size", "--random-source") : Set.of());
        List<Arg> operands = operands(args);
        // `rm $OPTS dir`: a bare variable may hold -rf, so read every operand as possibly recursive.
        boolean hiddenFlags = operands.stream().anyMatch(a -> !a.literal() && Regex.matches(a.value(), "\"?\\$\\{?\\w+}?\"?"));
        boolean recursive = !shred && (args.has("-r", "-R", "--recursive") || hiddenFlags);
        if (operands.isEmpty()) {
            if (!recursive) {
                return List.of();
            }
            // `rm -rf` fed by a pipe or a broken expansion: the targets are somewhere we cannot see.
            return List.of(Operation.builder("filesystem", Verb.DELETE).resource("directory", "")
                    .scope(Scope.MANY).stateful(true).reversible(false).confidence(Confidence.INFERRED)
                    .environment(inv.remote() ? Tier.UNKNOWN : Tier.LOCAL, inv.remote() ? "" : "a path on this machine")
                    .evidence(inv.evidence()).note("recursive delete without operands: the targets are not visible")
                    .build());
        }
        String note = shred ? "overwrites the data so it cannot be recovered"
                : args.has("--no-preserve-root") ? "--no-preserve-root: rm will not refuse to delete /" : "";
        List<FileTarget> targets = operands.stream().map(o -> FileTarget.of(o, inv)).toList();
        // rm -rf target build .pytest_cache: cleaning several build outputs at once, build/ and out/ are build output too
        boolean cleaning = !shred && FileTarget.clearedTogether(targets);
        List<Operation> ops = new ArrayList<>();
        for (FileTarget target : targets) {
            Operation op = removal(target, recursive, shred, inv, note);
            ops.add(cleaning && !target.regenerable() ? op.toBuilder().stateful(false).reversible(true)
                    .note("build output cleared with the rest of the build").build() : op);
        }
        return ops;
    }

    /** How much one delete loses, by where the target lies. */
    static Operation removal(FileTarget t, boolean recursive, boolean destroysContent, Invocation inv, String note) {
        String type = t.device() ? "device" : recursive || t.wildAll() ? "directory" : "file";
        boolean stateful;
        boolean reversible;
        Scope scope = t.scope(recursive);
        String why = note;
        if (t.area() == Area.TEMP) {
            stateful = false;
            reversible = true;
        } else if (t.regenerable() && !t.catastrophic()) {
            stateful = false;
            reversible = true;
            why = !why.isEmpty() ? why : t.installedVersion() ? "one installed version of a tool: its version manager installs it again"
                    : "build output or dependencies that tools recreate";
        } else if ((t.area() == Area.WORKSPACE || downloaded(t, inv)) && !recursive && !t.wildAll()) {
            // One file of the project: version control or the agent itself can usually bring it back; one download
            // (~/Downloads/yellow_tripdata_2023-01.parquet) can be downloaded again.
            stateful = destroysContent;
            reversible = false;
        } else {
            stateful = true;
            reversible = false;
        }
        if (t.area() == Area.HOME && recursive && homeSecret(t, inv)) {
            scope = Scope.ALL;
            why = "keys and credentials in the home directory";
        }
        if (t.device()) {
            scope = Scope.ALL;
        }
        return t.operation(inv, Verb.DELETE, type).scope(scope).stateful(stateful).reversible(reversible).note(why)
                .build();
    }

    /** One named file in ~/Downloads, not a wildcard over the folder. */
    private static boolean downloaded(FileTarget t, Invocation inv) {
        return t.area() == Area.HOME && !t.glob() && Regex.matches(t.path(), java.util.regex.Pattern.quote(inv.workspace().home()) + "/Downloads/[^/]+");
    }

    private static boolean homeSecret(FileTarget t, Invocation inv) {
        String home = inv.workspace().home();
        for (String s : HOME_SECRETS) {
            String dir = home + "/" + s;
            if (t.path().equals(dir) || t.path().startsWith(dir + "/") && !t.glob()) {
                return true;
            }
        }
        return false;
    }

    /** {@code rmdir} removes only empty directories: nothing is lost. */
    private static List<Operation> rmdir(Invocation inv) {
        ParsedArgs args = inv.parse(Set.of());
        boolean parents = args.has("-p", "--parents");
        List<Operation> ops = new ArrayList<>();
        for (Arg operand : operands(args)) {
            FileTarget t = FileTarget.of(operand, inv);
            ops.add(t.operation(inv, Verb.DELETE, "directory").scope(parents || t.glob() ? Scope.MANY : Scope.ONE)
                    .stateful(false).reversible(true).note("removes empty directories only").build());
        }
        return ops;
    }

    /** {@code truncate -s 0} empties files; shrinking loses their tail; growing loses nothing. */
    private static List<Operation> truncate(Invocation inv) {
        ParsedArgs args = inv.parse(Set.of("-s", "--size", "-r", "--reference", "-o"));
        String size = args.value("-s", "--size").orElse("");
        boolean empties = Regex.matches(size, "0+[KMGTPEZY]?(i?B)?");
        boolean shrinks = Regex.matches(size, "[-<%/].*") || args.has("-r", "--reference");
        List<Operation> ops = new ArrayList<>();
        for (Arg operand : operands(args)) {
            FileTarget t = FileTarget.of(operand, inv);
            boolean temp = t.area() == Area.TEMP;
            Verb verb = empties ? Verb.DELETE : Verb.UPDATE;
            // truncate -s 0 out/results.csv, logs/app.log: output a run writes again and the project's own logs, as with
            // cp /dev/null; not its other files, a database file or logs outside the workspace
            boolean own = t.area() == Area.WORKSPACE && !t.catastrophic();
            boolean loses = (empties || shrinks) && !temp && !t.generated() && !(own && t.regenerable());
            ops.add(t.operation(inv, verb, t.device() ? "device" : "file").scope(t.glob() ? Scope.MANY : Scope.ONE)
                    .stateful(loses).reversible(!loses).note(empties ? "empties the file" : shrinks ? "may cut the end of the file" : "")
                    .build());
        }
        return ops;
    }

    /**
     * What a download from another host or a pod writes here: files land INSIDE an existing directory such as
     * {@code /tmp/} or the workspace, judged as {@code cp}'s destination, not as a change of that directory.
     */
    public static Operation copiedInto(Invocation inv, String destination) {
        return FileCopies.destination(inv, FileTarget.of(Arg.of(destination), inv), false, false);
    }

    public static List<Arg> operands(ParsedArgs args) {
        List<Arg> all = new ArrayList<>(args.positionals());
        all.addAll(args.afterDoubleDash());
        return all;
    }
}
