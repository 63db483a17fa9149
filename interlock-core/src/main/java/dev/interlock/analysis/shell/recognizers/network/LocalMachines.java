package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

/**
 * The machine's own storage and the development clusters that live on it. Volume managers' destroy verbs
 * ({@code lvremove}, {@code vgremove}, {@code zfs destroy}, {@code btrfs subvolume delete}) delete disks' data: this
 * machine itself. Local clusters ({@code kind delete cluster}, {@code minikube delete}, {@code k3d cluster delete}) are
 * sandboxes the developer recreates in a minute.
 */
public final class LocalMachines implements Recognizer {

    /** Commands that remove a logical volume, group or physical volume outright. */
    private static final Set<String> VOLUME_REMOVERS = Set.of("lvremove", "vgremove", "pvremove", "lvreduce", "vgreduce");
    /** LVM commands that change volumes in place (grow, convert, activate, move extents): nothing is lost, but it is a change. */
    private static final Set<String> VOLUME_CHANGERS = Set.of("lvcreate", "lvextend", "lvresize", "lvchange", "lvconvert",
            "lvrename", "vgextend", "vgchange", "vgrename", "vgimport", "vgexport", "vgmerge", "vgsplit",
            "pvresize", "pvmove", "pvchange");
    /** zfs and zpool words that only look. */
    private static final Set<String> STORAGE_READS = Set.of("list", "get", "status", "iostat", "show", "history", "events",
            "df", "usage", "", "diff", "holds", "userspace", "groupspace", "projectspace", "version", "wait");
    /** Local cluster tools: the words that tear the cluster down. */
    private static final Map<String, Set<String>> CLUSTER_TEARDOWN = Map.of(
            "kind", Set.of("delete"), "minikube", Set.of("delete", "stop"), "k3d", Set.of("delete", "stop"),
            "microk8s", Set.of("reset", "stop", "uninstall"), "colima", Set.of("delete", "stop"), "limactl", Set.of("delete", "stop"),
            "vagrant", Set.of("destroy", "halt", "suspend"), "multipass", Set.of("delete", "purge", "stop"));

    /** VMs that run this machine's container engine (as podman machine does): deleting one loses every volume. */
    private static final Set<String> CONTAINER_ENGINES = Set.of("colima", "limactl");

    @Override
    public Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(VOLUME_REMOVERS);
        all.addAll(CLUSTER_TEARDOWN.keySet());
        all.addAll(VOLUME_CHANGERS);
        all.addAll(Set.of("zfs", "zpool", "btrfs"));
        return Set.copyOf(all);
    }

    /**
     * The machine a VM manager's command names ({@code vagrant destroy staging-db}), or for Vagrant with none the
     * directory of its Vagrantfile, when that name is production's or staging's.
     */
    private static Optional<String> sharedMachine(Invocation inv, String program) {
        // the command of vagrant ssh -c CMD is no machine's name
        List<String> words = inv.parse(VM_COMMAND_VALUED).words();
        String machine = words.size() > 1 && (program.equals("vagrant") || program.equals("multipass")) ? words.get(1) : "";
        String place = !machine.isEmpty() ? machine
                : program.equals("vagrant") ? inv.workspace().cwd().substring(inv.workspace().cwd().lastIndexOf('/') + 1) : "";
        return DeploymentWords.tierWordIn(place).isPresent() ? Optional.of(place) : Optional.empty();
    }

    /**
     * {@code vagrant ssh stg-db -c 'dropdb orders'}, {@code multipass exec prod-runner -- rm -rf /data}: on a machine
     * named for a shared environment the command is judged there, as {@code ssh HOST CMD} is (a read stays a read).
     * A developer's own VM keeps its sandbox operation.
     */
    private static Optional<List<Operation>> commandOnSharedMachine(Invocation inv, String program, Nested nested) {
        List<String> all = inv.words();
        if (all.isEmpty() || !(program.equals("vagrant") && all.getFirst().equals("ssh")
                || program.equals("multipass") && all.getFirst().equals("exec"))) {
            return Optional.empty();
        }
        ParsedArgs p = inv.parse(VM_COMMAND_VALUED);
        Optional<String> command = program.equals("vagrant") ? p.value("-c", "--command")
                : Optional.of(String.join(" ", p.afterDoubleDash().stream().map(dev.interlock.analysis.shell.Arg::value).toList()))
                        .filter(c -> !c.isBlank());
        if (command.isEmpty()) {
            return Optional.empty();
        }
        List<String> named = p.words();
        String machine = named.size() > 1 ? named.get(1)
                : program.equals("vagrant") ? inv.workspace().cwd().substring(inv.workspace().cwd().lastIndexOf('/') + 1) : "";
        if (DeploymentWords.tierWordIn(machine).isEmpty()) {
            return Optional.empty();
        }
        Invocation there = new Invocation(program, inv.args(), inv.env(), inv.workspace(), inv.evidence(), Optional.empty(),
                Map.of("host", machine));
        List<Operation> ops = nested.shell(command.get(), there);
        return ops.isEmpty() ? Optional.empty() : Optional.of(ops);
    }

    /** Options of {@code vagrant ssh} and {@code multipass exec} that take a value. */
    private static final Set<String> VM_COMMAND_VALUED = Set.of("-c", "--command", "-d", "--working-directory");

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        String program = inv.program();
        List<String> words = inv.words().stream().filter(w -> !w.startsWith("-")).toList();
        if (VOLUME_REMOVERS.contains(program)) {
            return List.of(volume(inv, program, words.isEmpty() ? "" : String.join(" ", words), program + " removes the volume and its data"));
        }
        if (VOLUME_CHANGERS.contains(program)) {
            return List.of(lvm(inv, program, words));
        }
        if (program.equals("vagrant") && !inv.args().isEmpty() && inv.args().getFirst().value().equals("cloud")) {
            // the box registry, not a VM here
            return List.of(dev.interlock.analysis.shell.recognizers.packages.VagrantCloud.recognize(inv));
        }
        Set<String> teardown = CLUSTER_TEARDOWN.get(program);
        if (teardown != null) {
            boolean down = words.stream().anyMatch(teardown::contains);
            if (down && CONTAINER_ENGINES.contains(program) && words.contains("delete")) {
                // colima delete: the VM is this machine's container engine, with every project's images and volumes
                return List.of(LocalFiles.local(inv, Operation.builder("docker", Verb.DELETE).resource("machine", program)
                        .scope(Scope.ALL).stateful(true).reversible(false).evidence(inv.evidence())
                        .note(program + " delete removes the container engine's VM with every image and volume in it"),
                        "the container engine on this machine").build());
            }
            Optional<List<Operation>> inside = commandOnSharedMachine(inv, program, nested);
            if (inside.isPresent()) {
                return inside.get();
            }
            String name = inv.parse(Set.of("--name", "-n", "-p", "--profile", "--context")).value("--name", "-n", "-p", "--profile").orElse(program);
            Operation.Builder b = Operation.builder("kubernetes", down ? Verb.DELETE : words.isEmpty() ? Verb.READ : Verb.UPDATE)
                    .resource("cluster", name).confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note(program + " manages a development cluster on this machine");
            Optional<String> shared = sharedMachine(inv, program);
            if (shared.isPresent()) {
                // vagrant destroy -f staging-db, multipass delete prod-runner, a Vagrantfile under ops/prod-bastion: a
                // machine named for a shared environment (and Vagrant's providers reach clouds) is not a scratch box
                b.resource("machine", shared.get()).locator("host", shared.get())
                        .note(program + " acts on a machine named for a shared environment");
                return List.of((down ? b.scope(Scope.ALL).stateful(true).reversible(false) : b).build());
            }
            return List.of(LocalFiles.local(inv, b, "a development cluster on this machine (" + program + ")").build());
        }
        String sub = words.isEmpty() ? "" : words.getFirst();
        if (program.equals("zfs") && sub.equals("destroy") && words.size() > 1 && words.getLast().contains("@")) {
            // tank/scratch@before-refactor: only the snapshot goes; the dataset and its live data stay
            return List.of(snapshot(inv, Verb.DELETE, words.getLast(), "zfs destroy drops the snapshot; the live dataset is untouched")
                    .scope(inv.words().contains("-r") || inv.words().contains("-R") ? Scope.MANY : Scope.ONE).build());
        }
        if (program.equals("zpool") && Set.of("scrub", "trim").contains(sub)) {
            return List.of(LocalFiles.local(inv, Operation.builder("os", Verb.UPDATE).resource(CHECK, words.size() > 1 ? words.getLast() : "")
                    .reversible(true).evidence(inv.evidence())
                    .note("zpool " + sub + " verifies or trims the pool in the background; no data changes"), "storage on this machine").build());
        }
        if (program.equals("zfs") && sub.equals("allow") && words.size() > 2) {
            return List.of(LocalFiles.local(inv, Operation.builder("os", Verb.GRANT).resource("dataset", words.getLast())
                    .evidence(inv.evidence()).note("zfs allow delegates dataset permissions to a user or group"), "storage on this machine").build());
        }
        boolean destroys = switch (program) {
            case "zfs" -> Set.of("destroy", "rollback").contains(sub);
            case "zpool" -> Set.of("destroy", "labelclear", "remove", "detach").contains(sub);
            default -> words.size() > 1 && Set.of("subvolume", "sub").contains(sub) && Set.of("delete", "del").contains(words.get(1));
        };
        if (destroys) {
            return List.of(volume(inv, program, words.size() > 1 ? words.getLast() : "", program + " " + sub + " deletes the data on it"));
        }
        boolean snapshot = program.equals("zfs") && sub.equals("snapshot")
                || program.equals("btrfs") && words.size() > 2 && Set.of("subvolume", "sub").contains(sub) && words.get(1).equals("snapshot");
        if (snapshot) {
            return List.of(snapshot(inv, Verb.CREATE, words.getLast(),
                    program + " takes a snapshot: a read-only copy to restore from; nothing in use changes").build());
        }
        // zfs send -n (--dryrun) only estimates the stream: nothing is sent or read out
        boolean dryRunSend = program.equals("zfs") && sub.equals("send")
                && inv.words().stream().anyMatch(w -> w.equals("--dryrun") || w.matches("-[A-Za-z]*n[A-Za-z]*"));
        boolean reads = program.equals("btrfs") ? btrfsReads(inv.words()) : STORAGE_READS.contains(sub) || dryRunSend;
        return List.of(LocalFiles.local(inv, Operation.builder("os", reads ? Verb.READ : Verb.UPDATE).resource("storage", sub)
                .confidence(Confidence.INFERRED).evidence(inv.evidence()), "storage on this machine").build());
    }

    /**
     * btrfs command groups and the commands in them that only look. btrfs takes any unique prefix of a word
     * ({@code btrfs fi us /}), so words are matched by prefix.
     */
    private static final Map<String, Set<String>> BTRFS_READS = Map.of(
            "filesystem", Set.of("show", "df", "du", "usage"),
            "device", Set.of("stats", "usage"),
            "subvolume", Set.of("list", "show", "get-default", "find-new"),
            "qgroup", Set.of("show"),
            "scrub", Set.of("status"),
            "balance", Set.of("status"),
            "replace", Set.of("status"),
            "property", Set.of("get", "list"),
            "inspect-internal", Set.of("dump-tree", "dump-super", "inode-resolve", "logical-resolve", "subvolid-resolve",
                    "rootid", "min-dev-size", "tree-stats", "map-swapfile", "list-chunks"));
    /** btrfs check repairs only when told to; these are the flags that make it write. */
    private static final Set<String> BTRFS_CHECK_WRITES = Set.of("--repair", "--init-csum-tree", "--init-extent-tree",
            "--clear-space-cache", "--clear-ino-cache");

    /**
     * {@code btrfs filesystem usage /}, {@code btrfs device stats /dev/sdb}, {@code btrfs check --readonly}: looking.
     * {@code device stats -z} resets the counters and {@code filesystem label DEV NEW} renames, so they are changes.
     */
    private static boolean btrfsReads(List<String> args) {
        List<String> words = args.stream().filter(w -> !w.startsWith("-")).toList();
        if (words.isEmpty() || words.getFirst().equals("version") || words.getFirst().equals("help")) {
            return true;
        }
        String group = btrfsWord(words.getFirst(), Set.of("filesystem", "device", "subvolume", "qgroup", "quota", "scrub",
                "balance", "replace", "property", "inspect-internal", "check", "rescue", "restore", "send", "receive"));
        if (group.equals("check")) {
            return args.stream().noneMatch(a -> BTRFS_CHECK_WRITES.contains(a.contains("=") ? a.substring(0, a.indexOf('=')) : a));
        }
        Set<String> reads = BTRFS_READS.get(group);
        if (reads == null || words.size() < 2) {
            return false;
        }
        String command = btrfsWord(words.get(1), reads);
        if (group.equals("device") && command.equals("stats")) {
            return !args.contains("-z") && !args.contains("--reset");
        }
        return reads.contains(command) || group.equals("filesystem") && btrfsWord(words.get(1), Set.of("label")).equals("label")
                && words.size() <= 3;
    }

    /** The one word of {@code known} that {@code word} is a prefix of, or {@code word} itself. */
    private static String btrfsWord(String word, Set<String> known) {
        List<String> matches = known.stream().filter(k -> k.startsWith(word)).toList();
        return known.contains(word) ? word : matches.size() == 1 ? matches.getFirst() : word;
    }

    /**
     * Upkeep of this machine's volumes: taking or dropping a snapshot, scrubbing a pool. It needs root, grants nothing and
     * loses no live data, so running it through sudo is no escalation.
     */
    public static boolean restorePoint(Operation op) {
        return op.system().equals("os") && (op.resource().type().equals(RESTORE_POINT) && Set.of(Verb.CREATE, Verb.DELETE).contains(op.verb())
                || op.resource().type().equals(CHECK) && op.verb() == Verb.UPDATE);
    }

    private static final String RESTORE_POINT = "snapshot";
    private static final String CHECK = "pool-check";

    private static Operation.Builder snapshot(Invocation inv, Verb verb, String name, String note) {
        return LocalFiles.local(inv, Operation.builder("os", verb).resource(RESTORE_POINT, name).reversible(verb == Verb.CREATE)
                .evidence(inv.evidence()).note(note), "storage on this machine");
    }

    /**
     * An LVM change: {@code lvcreate -s} takes a snapshot, {@code lvconvert --merge} rolls the origin back to one (every
     * later write is lost), the rest grow, activate or move volumes in place.
     */
    private static Operation lvm(Invocation inv, String program, List<String> words) {
        String name = words.isEmpty() ? "" : words.getLast();
        if (program.equals("lvcreate") && (inv.words().contains("-s") || inv.words().contains("--snapshot"))) {
            String snap = inv.parse(Set.of("-n", "--name", "-L", "--size", "-l", "--extents")).value("-n", "--name").orElse(name);
            return snapshot(inv, Verb.CREATE, snap, "lvcreate -s takes a snapshot of " + name + "; nothing in use changes").build();
        }
        if (program.equals("lvcreate")) {
            Optional<Operation> created = newVolume(inv);
            if (created.isPresent()) {
                return created.get();
            }
        }
        if (program.equals("lvconvert") && inv.words().contains("--merge")) {
            return LocalFiles.local(inv, Operation.builder("os", Verb.REPLACE).resource("volume", name).stateful(true).reversible(false)
                    .evidence(inv.evidence()).note("lvconvert --merge rolls the origin volume back to the snapshot; later writes are lost"),
                    "storage on this machine").build();
        }
        return LocalFiles.local(inv, Operation.builder("os", Verb.UPDATE).resource("volume", name).evidence(inv.evidence())
                .note(program + " changes a volume in place"), "storage on this machine").build();
    }

    /** lvcreate's flags that take a value (the rest are switches). */
    private static final Set<String> LVCREATE_VALUED = Set.of("-n", "--name", "-L", "--size", "-l", "--extents", "-V",
            "--virtualsize", "-i", "--stripes", "-I", "--stripesize", "-m", "--mirrors", "-R", "--regionsize", "--type",
            "-c", "--chunksize", "-r", "--readahead", "-p", "--permission", "-C", "--contiguous", "-M", "--persistent",
            "--major", "--minor", "-Z", "--zero", "-W", "--wipesignatures", "-a", "--activate", "-k", "--setactivationskip",
            "--addtag", "--alloc", "--thinpool", "--cachepool", "--cachemode", "--cachepolicy", "--poolmetadatasize",
            "--vdopool", "--discards", "--config", "--profile", "--metadataprofile");

    /**
     * {@code lvcreate -L 20G -n scratch vg0}: a new logical volume carved from the group's free space. Nothing that
     * exists is touched, so it is a create of {@code vg0/scratch}, with the device path a later {@code mkfs} names.
     */
    private static Optional<Operation> newVolume(Invocation inv) {
        var args = inv.parse(LVCREATE_VALUED);
        Optional<String> name = args.value("-n", "--name");
        if (name.isEmpty() || args.positionals().isEmpty()) {
            return Optional.empty();
        }
        String group = args.positionals().getFirst().value();
        group = group.substring(group.startsWith("/dev/") ? 5 : 0);
        group = group.contains("/") ? group.substring(0, group.indexOf('/')) : group;
        if (group.isEmpty() || name.get().contains("/")) {
            return Optional.empty();
        }
        return Optional.of(LocalFiles.local(inv, Operation.builder("os", Verb.CREATE).resource("volume", group + "/" + name.get())
                .locator("path", "/dev/" + group + "/" + name.get()).evidence(inv.evidence())
                .note("lvcreate makes a new volume from free space; nothing that exists changes"), "storage on this machine").build());
    }

    private static Operation volume(Invocation inv, String program, String name, String note) {
        Operation.Builder b = Operation.builder("filesystem", Verb.DELETE).resource("device", name).scope(Scope.ALL)
                .stateful(true).reversible(false).evidence(inv.evidence()).note(note);
        return LocalFiles.local(inv, b, "a disk of this machine").build();
    }
}
