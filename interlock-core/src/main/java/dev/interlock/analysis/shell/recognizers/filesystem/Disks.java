package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
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
 * Disks and filesystems: {@code dd}, {@code mkfs*}, {@code mkswap}, {@code wipefs}, the partitioners and
 * {@code mount}/{@code umount}. Writing a device replaces everything on it; the same tools pointed at an image file
 * only touch that file; listing is a read.
 */
final class Disks {

    private static final Set<String> MKFS = Set.of("mkfs", "mkfs.ext2", "mkfs.ext3", "mkfs.ext4", "mkfs.xfs",
            "mkfs.btrfs", "mkfs.vfat", "mkfs.fat", "mkfs.msdos", "mkfs.exfat", "mkfs.ntfs", "mkfs.f2fs", "mkfs.minix",
            "mkfs.jfs", "mkfs.reiserfs", "mkfs.bfs", "mkfs.cramfs", "mke2fs", "mkswap", "mkntfs", "mkdosfs", "newfs",
            "newfs_apfs", "newfs_hfs", "newfs_msdos");
    private static final Set<String> PARTITIONERS = Set.of("fdisk", "sfdisk", "cfdisk", "gdisk", "sgdisk", "parted");
    static final Set<String> PROGRAMS;

    static {
        Set<String> all = new java.util.TreeSet<>(MKFS);
        all.addAll(PARTITIONERS);
        all.addAll(Set.of("dd", "wipefs", "mount", "umount", "diskutil"));
        PROGRAMS = Set.copyOf(all);
    }

    /** parted commands that only look, and print's own words ({@code print free}, {@code print all}). */
    private static final Set<String> PARTED_READS = Set.of("print", "p", "unit", "help", "version", "align-check",
            "free", "all", "list", "devices");
    private static final Set<String> SFDISK_READS = Set.of("-l", "--list", "-d", "--dump", "-J", "--json", "-s",
            "--show-size", "-F", "--list-free", "-g", "--show-geometry", "-V", "--verify", "--part-type", "--part-label");
    private static final Set<String> DISKUTIL_WIPES = Set.of("eraseDisk", "eraseVolume", "partitionDisk", "zeroDisk",
            "randomDisk", "secureErase", "reformat", "splitPartition", "mergePartitions", "resizeVolume");

    private Disks() {
    }

    static List<Operation> recognize(Invocation inv) {
        String p = inv.program();
        if (MKFS.contains(p)) {
            return format(inv);
        }
        return switch (p) {
            case "dd" -> dd(inv);
            case "wipefs" -> wipefs(inv);
            case "mount" -> mount(inv, false);
            case "umount" -> mount(inv, true);
            case "diskutil" -> diskutil(inv);
            default -> partition(inv);
        };
    }

    /** {@code dd if=… of=…}: the output is overwritten; without {@code of=} it only reads. */
    private static List<Operation> dd(Invocation inv) {
        Arg in = null;
        Arg out = null;
        for (Arg a : inv.args()) {
            if (a.value().startsWith("if=")) {
                in = new Arg(a.value().substring(3), a.literal(), a.glob(), a.evidence());
            } else if (a.value().startsWith("of=")) {
                out = new Arg(a.value().substring(3), a.literal(), a.glob(), a.evidence());
            }
        }
        // what dd reads is read as cat reads it: a secret file (dd if=~/.ssh/id_rsa) is a credential read
        List<Operation> reads = in == null || in.value().startsWith("/dev/") ? List.of()
                : dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer.reads(inv, List.of(in), "dd");
        if (out == null || Set.of("/dev/null", "/dev/zero", "/dev/stdout", "/dev/stderr", "-").contains(out.value())) {
            String name = in == null ? "" : in.value();
            return reads.isEmpty()
                    ? List.of(Operation.builder("filesystem", Verb.READ).resource("file", name).evidence(inv.evidence()).build())
                    : reads;
        }
        FileTarget target = FileTarget.of(out, inv);
        boolean keeps = inv.args().stream().map(Arg::value) // conv=notrunc, oflag=append: the rest of the file stays
                .anyMatch(v -> v.startsWith("conv=") && v.contains("notrunc") || v.startsWith("oflag=") && v.contains("append"));
        var meaning = keeps ? java.util.Optional.<Operation.Builder>empty()
                : FileMeaning.of(inv.workspace().resolve(target.path()), inv.workspace(), false, "overwrites ");
        Operation written = meaning.map(b -> b.evidence(inv.evidence()).build()).orElseGet(() -> write(inv, target, "dd overwrites it"));
        return reads.stream().anyMatch(op -> op.verb() == Verb.CREDENTIAL)
                ? List.of(reads.getFirst(), written) : List.of(written);
    }

    /** Overwriting a target: a device loses everything on it; a file is replaced. */
    private static Operation write(Invocation inv, FileTarget t, String note) {
        boolean device = t.device() || !t.exact() && t.path().startsWith("$");
        if (device || t.path().startsWith("/dev/") && !t.path().startsWith("/dev/shm/")) {
            return t.operation(inv, Verb.REPLACE, "device").scope(Scope.ALL).stateful(true).reversible(false)
                    .confidence(t.exact() ? Confidence.EXACT : Confidence.INFERRED).note(note).build();
        }
        boolean own = t.area() == Area.TEMP;
        return t.operation(inv, t.area() == Area.WORKSPACE || own ? Verb.UPDATE : Verb.REPLACE, "file")
                .scope(Scope.ONE).stateful(!own && t.area() != Area.WORKSPACE).reversible(own).note(note).build();
    }

    /** {@code mkfs.ext4 /dev/sdb1}, {@code mkswap /dev/sda2}: a new, empty filesystem replaces the old one. */
    private static List<Operation> format(Invocation inv) {
        List<Arg> candidates = inv.args().stream()
                .filter(a -> !a.value().startsWith("-") && !Regex.matches(a.value(), "\\d+[kKmMgG]?")).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        Arg target = candidates.stream().filter(a -> a.value().startsWith("/dev/")).findFirst().orElse(candidates.getLast());
        return List.of(write(inv, FileTarget.of(target, inv), "creates a new filesystem: everything on it is erased"));
    }

    /** {@code wipefs -a /dev/sdb} erases signatures; plain {@code wipefs /dev/sdb} lists them. */
    private static List<Operation> wipefs(Invocation inv) {
        ParsedArgs args = inv.parse(Set.of("-o", "--offset", "-t", "--types", "-O", "--output", "-b", "--backup"));
        boolean erases = args.has("-a", "--all", "-o", "--offset") && !args.has("-n", "--no-act");
        return devices(inv, args, erases, "erases filesystem and partition signatures");
    }

    /** fdisk, sfdisk, gdisk, sgdisk, cfdisk, parted: listing reads; anything else rewrites the partition table. */
    private static List<Operation> partition(Invocation inv) {
        String p = inv.program();
        ParsedArgs args = inv.parse(p.equals("parted") ? Set.of("-a", "--align") : Set.of("-b", "-u", "-c", "-H", "-S", "-C", "-L", "-N", "-X", "-O", "--backup-file"));
        boolean reads = switch (p) {
            case "fdisk", "gdisk" -> args.has("-l", "--list", "-x", "--list-details");
            case "sfdisk" -> SFDISK_READS.stream().anyMatch(args::has);
            case "sgdisk" -> args.has("-p", "--print", "-i", "--info", "-v", "--verify", "-P", "--pretend");
            case "parted" -> args.has("-l", "--list") || args.positionals().size() > 1
                    && args.positionals().subList(1, args.positionals().size()).stream()
                    .allMatch(a -> PARTED_READS.contains(a.value()) || Regex.matches(a.value(), "[a-zA-Z]?[bBsS%]|[kMGT]i?B|compact|cyl|chs"));
            default -> false;
        };
        List<Arg> only = args.positionals().isEmpty() ? List.of() : List.of(args.positionals().getFirst());
        ParsedArgs first = new ParsedArgs(only, args.flags(), List.of());
        return devices(inv, first, !reads, "rewrites the partition table");
    }

    private static List<Operation> devices(Invocation inv, ParsedArgs args, boolean writes, String note) {
        List<Operation> ops = new ArrayList<>();
        for (Arg dev : FilesystemRecognizer.operands(args)) {
            FileTarget t = FileTarget.of(dev, inv);
            ops.add(writes ? write(inv, t, note)
                    : Operation.builder("filesystem", Verb.READ).resource("device", dev.value()).evidence(inv.evidence()).build());
        }
        if (ops.isEmpty() && !writes) {
            ops.add(Operation.builder("filesystem", Verb.READ).resource("device", "").evidence(inv.evidence()).build());
        }
        return ops;
    }

    /** {@code mount DEV DIR} and {@code umount DIR}: what the directory shows changes; no data is lost. */
    private static List<Operation> mount(Invocation inv, boolean unmount) {
        ParsedArgs args = inv.parse(Set.of("-t", "--types", "-o", "--options", "-L", "--label", "-U", "--uuid", "-O",
                "--test-opts", "--source", "--target", "-N", "--namespace"));
        List<Arg> operands = FilesystemRecognizer.operands(args);
        boolean all = args.has("-a", "--all");
        if (operands.isEmpty() && !all) {
            return unmount ? List.of() : List.of(Operation.builder("filesystem", Verb.READ).resource("mount", "")
                    .evidence(inv.evidence()).note("lists mounts").build());
        }
        if (operands.isEmpty()) {
            return List.of(Operation.builder("filesystem", Verb.UPDATE).resource("mount", "").scope(Scope.MANY)
                    .reversible(!unmount).evidence(inv.evidence())
                    .note(unmount ? "unmounts every filesystem; running programs may lose their files" : "mounts everything in fstab")
                    .environment(inv.remote() ? Tier.UNKNOWN : Tier.LOCAL, inv.remote() ? "" : "mounts on this machine")
                    .build());
        }
        FileTarget point = FileTarget.of(operands.getLast(), inv);
        if (unmount && args.has("-f", "--force")) {
            return List.of(forced(inv, operands.getLast().value()));
        }
        return List.of(point.operation(inv, Verb.UPDATE, "mount").scope(Scope.ONE).stateful(false).reversible(true)
                .build());
    }

    /**
     * A forced unmount ({@code umount -f}, {@code diskutil unmountDisk force}) pulls the filesystem from under every
     * program with a file open on it: unwritten data is lost, and nothing puts it back.
     */
    private static Operation forced(Invocation inv, String target) {
        // what is lost is unwritten data, not the files under the mount point: no area, so it is not a system tree's deletion
        Operation.Builder b = Operation.builder("filesystem", Verb.UPDATE).resource("mount", target).evidence(inv.evidence())
                .scope(Scope.MANY).stateful(true).reversible(false)
                .note("a forced unmount ignores open files: whatever programs had not yet written to the disk is lost");
        return (inv.remote() ? b : b.environment(Tier.LOCAL, "mounts on this machine")).build();
    }

    /** macOS {@code diskutil}: erase and partition verbs replace the disk; the rest reads or (un)mounts. */
    private static List<Operation> diskutil(Invocation inv) {
        List<String> words = inv.words();
        if (words.isEmpty()) {
            return List.of();
        }
        String verb = words.getFirst();
        List<Arg> rest = inv.args().subList(1, inv.args().size());
        boolean apfsDelete = verb.equals("apfs") && words.size() > 1 && words.get(1).startsWith("delete");
        if (DISKUTIL_WIPES.contains(verb) || apfsDelete) {
            Arg dev = rest.isEmpty() ? Arg.of("") : rest.getLast();
            String path = dev.value().startsWith("/dev/") ? dev.value() : "/dev/" + dev.value();
            FileTarget t = new FileTarget(dev.value(), path, Area.SYSTEM, false, false, dev.literal());
            return List.of(t.operation(inv, Verb.REPLACE, "device").scope(Scope.ALL).stateful(true).reversible(false)
                    .note("erases the disk").build());
        }
        if (Set.of("unmount", "unmountDisk", "mount", "mountDisk", "eject").contains(verb)) {
            Arg dev = rest.isEmpty() ? Arg.of("") : rest.getLast();
            FileTarget t = new FileTarget(dev.value(), dev.value(), Area.SYSTEM, false, false, dev.literal());
            return List.of(verb.startsWith("unmount") && words.contains("force") ? forced(inv, dev.value())
                    : t.operation(inv, Verb.UPDATE, "mount").build());
        }
        return List.of(Operation.builder("filesystem", Verb.READ).resource("device", "").evidence(inv.evidence()).build());
    }
}
