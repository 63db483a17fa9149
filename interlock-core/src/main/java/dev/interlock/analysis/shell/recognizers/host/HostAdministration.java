package dev.interlock.analysis.shell.recognizers.host;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A Linux machine's administration tools, whose read forms are a flag or a word: {@code chage -l}, {@code lastlog},
 * {@code mdadm --detail}, {@code findmnt}, {@code tune2fs -l}, {@code e2fsck -n}, {@code logrotate -d},
 * {@code timedatectl status}, {@code update-alternatives --display}. Run over ssh on a production host they only look,
 * and are reads there as anywhere. Their look-alikes change the machine for everyone on it ({@code chage -E 0},
 * {@code mdadm --fail}, {@code logrotate -f}, {@code timedatectl set-time}) or destroy data on it
 * ({@code mdadm --zero-superblock}, {@code nvme format}). A form the table does not know is taken as a change.
 */
public final class HostAdministration implements Recognizer {

    /**
     * @param type      what the tool looks at or changes
     * @param reads     true when the run only looks
     * @param destroys  true when the run deletes data or stops the machine (checked first)
     * @param change    what a run that is neither does
     * @param destroyed what a destroying run does
     */
    private record Tool(String type, Predicate<Words> reads, Predicate<Words> destroys, String change, String destroyed) {
    }

    private static final Predicate<Words> NEVER = w -> false;

    private static final Set<String> MDADM_READS = Set.of("--detail", "-D", "--examine", "-E", "--query", "-Q",
            "--detail-platform", "--examine-bitmap", "-X", "--version", "-V", "--help", "-h");
    private static final Set<String> MDADM_CHANGES = Set.of("--assemble", "-A", "--build", "-B", "--grow", "-G",
            "--incremental", "-I", "--manage", "--add", "-a", "--re-add", "--add-spare", "--remove", "-r", "--fail", "-f",
            "--set-faulty", "--replace", "--stop", "-S", "--run", "-R", "--readonly", "-o", "--readwrite", "-w", "--update",
            "-U", "--kill-subarray", "--update-subarray", "--action", "--monitor", "-F", "--follow");
    /** hdparm flags that only report (without a value; with one most of them set the drive). */
    private static final Set<String> HDPARM_READS = Set.of("-I", "-i", "-g", "-t", "-T", "-C", "-H", "-v", "--verbose",
            "-V", "-h", "--help", "--direct", "-a", "-A", "-B", "-c", "-d", "-m", "-M", "-N", "-r", "-W", "-Q");
    private static final Set<String> HDPARM_DESTROYS = Set.of("--security-erase", "--security-erase-enhanced",
            "--trim-sector-ranges", "--trim-sector-ranges-stdin", "--write-sector", "--make-bad-sector", "--dco-restore");
    private static final Set<String> NVME_READS = Set.of("", "list", "list-subsys", "list-ns", "list-ctrl", "smart-log",
            "id-ctrl", "id-ns", "id-domain", "id-iocs", "error-log", "fw-log", "get-log", "get-feature", "get-property",
            "show-regs", "show-topology", "effects-log", "self-test-log", "sanitize-log", "endurance-log",
            "supported-log-pages", "version", "help");
    private static final Set<String> UPDATE_ALTERNATIVES_CHANGES = Set.of("--config", "--set", "--install", "--remove",
            "--remove-all", "--auto", "--all", "--set-selections");
    private static final Set<String> GRUBBY_CHANGES = Set.of("--update-kernel", "--set-default", "--set-default-index",
            "--add-kernel", "--remove-kernel", "--args", "--remove-args", "--make-default", "--copy-default");
    private static final Set<String> MOKUTIL_READS = Set.of("--sb-state", "--list-enrolled", "-l", "--list-new", "-N",
            "--list-delete", "--test-key", "-t", "--pk", "--kek", "--db", "--dbx", "--export", "-x", "--help", "-h");
    private static final Set<String> MOKUTIL_CHANGES = Set.of("--import", "-i", "--delete", "-d", "--disable-validation",
            "--enable-validation", "--reset", "--password", "-p", "--clear-password", "-c", "--revoke-import",
            "--revoke-delete", "--ignore-db", "--use-db", "--trust-mok", "--untrust-mok", "--sbat-policy", "--timeout");
    /** ipmitool words that change the machine, its BMC or its records. */
    private static final Set<String> IPMI_CHANGES = Set.of("on", "off", "cycle", "reset", "soft", "diag", "clear", "set",
            "raw", "delete", "disable", "enable", "activate", "deactivate", "bootdev", "identify", "add", "hpm", "fwum");
    private static final Set<String> IPMI_POWER_OFF = Set.of("off", "cycle", "reset", "soft", "diag");
    private static final Set<String> IPMI_READS = Set.of("list", "elist", "print", "status", "info", "get", "sdr",
            "sensor", "fru", "summary", "getaccess", "getenables", "getciphers");

    private static final Map<String, Tool> TOOLS = Map.ofEntries(
            // accounts and logins
            Map.entry("chage", tool("account", any("-l", "--list"), "changes password ageing or when the account expires (-E 0 locks it)")),
            Map.entry("lastlog", tool("login-records", any("-C", "--clear", "-S", "--set").negate(), "clears or rewrites login records")),
            Map.entry("faillock", tool("login-failures", any("--reset").negate(), "resets the failed-login count that locks accounts")),
            Map.entry("pam_tally2", tool("login-failures", any("-r", "--reset").negate(), "resets the failed-login count that locks accounts")),
            Map.entry("pwck", tool("accounts", any("-r", "--read-only"), "fixes or deletes entries of /etc/passwd and /etc/shadow")),
            Map.entry("grpck", tool("groups", any("-r", "--read-only"), "fixes or deletes entries of /etc/group and /etc/gshadow")),
            Map.entry("lastb", reader("login-records")),
            Map.entry("lslogins", reader("accounts")),
            Map.entry("atq", reader("scheduled-jobs")),
            // disks, RAID, filesystems and mounts
            Map.entry("mdadm", new Tool("raid", any(MDADM_READS).and(any(MDADM_CHANGES).negate()),
                    any("--zero-superblock", "--create", "-C"),
                    "changes a RAID array: a disk failed, removed or added, the array stopped, assembled or grown",
                    "erases RAID metadata or builds a new array over the disks: what they held is lost")),
            Map.entry("findmnt", reader("mounts")),
            Map.entry("blkid", reader("devices")),
            Map.entry("dumpe2fs", reader("filesystem")),
            Map.entry("xfs_info", reader("filesystem")),
            Map.entry("tune2fs", tool("filesystem", only("-l"), "changes a filesystem's settings")),
            // xfs_db -r opens the device read-only: its commands (freesp, frag, print) can only look
            Map.entry("xfs_db", tool("filesystem", any("-r"), "can write a filesystem's metadata (xfs_db without -r)")),
            Map.entry("xfs_admin", tool("filesystem", w -> Set.of("-l", "-u", "-f", "-V").containsAll(w.flags()),
                    "changes a filesystem's label, UUID or features")),
            Map.entry("xfs_growfs", tool("filesystem", any("-n"), "grows a filesystem into its device's free space")),
            Map.entry("losetup", tool("loop-device", HostAdministration::losetupReads,
                    "attaches a file as a loop device, or detaches or resizes one")),
            Map.entry("e2fsck", fsck()),
            Map.entry("fsck", fsck()),
            Map.entry("fsck.ext2", fsck()),
            Map.entry("fsck.ext3", fsck()),
            Map.entry("fsck.ext4", fsck()),
            Map.entry("xfs_repair", fsck()),
            Map.entry("hdparm", new Tool("device", w -> !w.valued() && HDPARM_READS.containsAll(w.flags())
                    && w.positionals().stream().allMatch(p -> p.startsWith("/dev/")), any(HDPARM_DESTROYS),
                    "changes a disk's settings", "erases or overwrites sectors of the disk")),
            Map.entry("nvme", new Tool("device", first(NVME_READS), first(Set.of("format", "sanitize", "delete-ns", "write-zeroes", "dsm", "write")),
                    "changes an NVMe device's settings, firmware or namespaces", "erases data on the NVMe device")),
            Map.entry("multipath", tool("device", any("-l", "-t", "-T", "-d", "-h").and(any("-F", "-f", "-r", "-a", "-w", "-W").negate()),
                    "flushes, reloads or rewrites multipath devices")),
            Map.entry("iscsiadm", tool("iscsi", HostAdministration::iscsiReads, "logs in or out of iSCSI targets or changes their records")),
            Map.entry("exportfs", tool("nfs-exports", w -> w.positionals().isEmpty() && Set.of("-v", "-s", "-h").containsAll(w.flags()),
                    "changes which directories are shared over NFS")),
            Map.entry("showmount", reader("nfs-exports")),
            Map.entry("repquota", reader("quotas")),
            Map.entry("quota", reader("quotas")),
            Map.entry("swapon", tool("swap", w -> w.positionals().isEmpty() && Set.of("--show", "-s", "--summary", "-h", "--help",
                    "-V", "--version", "--noheadings", "--bytes", "--raw").containsAll(w.flags()), "adds swap space")),
            // logs and audit
            Map.entry("logrotate", tool("logs", any("-d", "--debug", "--help", "-?", "--version"),
                    "rotates logs now: those past the rotate count are deleted")),
            Map.entry("aureport", reader("audit-log")),
            Map.entry("ausearch", reader("audit-log")),
            Map.entry("auditctl", new Tool("audit-rules", w -> w.positionals().isEmpty() && Set.of("-l", "-s", "-v", "-h").containsAll(w.flags()),
                    any("-D"), "changes what the kernel audits (-e 0 turns auditing off)", "deletes every audit rule")),
            // clock, locale, host name and sessions
            Map.entry("timedatectl", tool("clock", first(Set.of("", "status", "show", "list-timezones", "timesync-status", "show-timesync")),
                    "changes the machine's clock, time zone or time sync")),
            Map.entry("hostnamectl", tool("hostname", HostAdministration::hostnamectlReads, "renames the machine or changes what it says it is")),
            Map.entry("localectl", tool("locale", w -> first(Set.of("", "status")).test(w) || w.positionals().getFirst().startsWith("list-"),
                    "changes the machine's locale or keyboard")),
            Map.entry("loginctl", tool("sessions", w -> first(Set.of("", "session-status", "show-session", "user-status", "show-user",
                    "seat-status", "show-seat")).test(w) || w.positionals().getFirst().startsWith("list-"), "ends, locks or changes login sessions")),
            Map.entry("chronyc", tool("clock", first(Set.of("tracking", "sources", "sourcestats", "activity", "clients", "ntpdata",
                    "serverstats", "rtcdata", "selectdata", "authdata", "waitsync", "help")), "steps the clock or changes its time sources")),
            Map.entry("ntpq", reader("clock")),
            Map.entry("ntpdate", tool("clock", any("-q", "-d"), "sets the machine's clock")),
            // cloud-init: the instance's first-boot state; clean makes the next boot provision the machine anew
            Map.entry("cloud-init", new Tool("instance-state", first(Set.of("", "status", "query", "analyze", "schema",
                    "collect-logs", "features", "help")), first(Set.of("clean")),
                    "re-runs first-boot stages or modules on this machine (users, keys, packages, mounts, commands)",
                    "wipes the instance's cloud-init state (with --machine-id and --seed its identity and seed): the next boot "
                            + "provisions the machine anew, at once with --reboot")),
            // boot, kernel and security settings
            Map.entry("update-alternatives", tool("alternatives", any("--display", "--query", "--list", "--get-selections")
                    .and(any(UPDATE_ALTERNATIVES_CHANGES).negate()), "switches which program a system command runs")),
            Map.entry("grubby", tool("boot", any("--info", "--default-kernel", "--default-index", "--default-title", "--help")
                    .and(any(GRUBBY_CHANGES).negate()), "changes which kernel boots and with which arguments")),
            Map.entry("dkms", tool("kernel-modules", first(Set.of("", "status")), "builds, installs or removes kernel modules")),
            Map.entry("mokutil", tool("secure-boot", any(MOKUTIL_READS).and(any(MOKUTIL_CHANGES).negate()),
                    "changes Secure Boot keys or validation")),
            Map.entry("semanage", tool("selinux", any("-l", "--list"), "changes SELinux policy")),
            // -n: report the labels that would change, change none
            Map.entry("restorecon", tool("selinux-labels", any("-n"), "relabels files' SELinux contexts")),
            Map.entry("setfiles", tool("selinux-labels", any("-n"), "relabels files' SELinux contexts")),
            Map.entry("fixfiles", tool("selinux-labels", w -> w.positionals().stream().anyMatch(Set.of("check", "verify")::contains),
                    "relabels files' SELinux contexts (onboot: the whole filesystem at the next boot)")),
            Map.entry("lsmod", reader("kernel-modules")),
            Map.entry("modinfo", reader("kernel-modules")),
            Map.entry("lsinitrd", reader("boot")),
            Map.entry("lsinitramfs", reader("boot")),
            Map.entry("needs-restarting", reader("packages")),
            Map.entry("sestatus", reader("selinux")),
            Map.entry("getenforce", reader("selinux")),
            Map.entry("getsebool", reader("selinux")),
            Map.entry("aa-status", reader("apparmor")),
            Map.entry("apparmor_status", reader("apparmor")),
            Map.entry("ipmitool", new Tool("bmc", w -> w.positionals().stream().noneMatch(IPMI_CHANGES::contains)
                    && w.positionals().stream().anyMatch(IPMI_READS::contains),
                    w -> w.positionals().contains("power") && w.positionals().stream().anyMatch(IPMI_POWER_OFF::contains),
                    "changes the machine through its BMC: boot device, users, settings or event log",
                    "powers the machine off or restarts it: every process on it stops")));

    @Override
    public Set<String> programs() {
        return TOOLS.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        Tool tool = TOOLS.get(inv.program());
        Words w = Words.of(inv.words());
        String name = String.join(" ", w.positionals());
        Operation.Builder b;
        if (tool.destroys().test(w)) {
            b = Operation.builder("os", Verb.DELETE).resource(tool.type(), name).stateful(true).reversible(false)
                    .note(inv.program() + " " + tool.destroyed());
        } else if (tool.reads().test(w)) {
            b = Operation.builder("os", Verb.READ).resource(tool.type(), name);
        } else {
            b = Operation.builder("os", Verb.UPDATE).resource(tool.type(), name).note(inv.program() + " " + tool.change());
        }
        b.evidence(inv.evidence());
        // ipmitool -H names another machine's BMC: that machine is where it acts
        Optional<String> bmc = inv.program().equals("ipmitool") ? w.value("-H") : Optional.empty();
        if (bmc.isPresent()) {
            return List.of(b.locator("host", bmc.get()).build());
        }
        return List.of(LocalFiles.local(inv, b, "this machine's " + tool.type()).build());
    }

    private static Tool tool(String type, Predicate<Words> reads, String change) {
        return new Tool(type, reads, NEVER, change, "");
    }

    private static Tool reader(String type) {
        return tool(type, w -> true, "");
    }

    /** Checkers that repair unless told to look only ({@code e2fsck -n}, {@code fsck -N}, {@code xfs_repair -n}). */
    private static Tool fsck() {
        return tool("filesystem", any("-n", "-N").and(any("-y", "-p", "-a").negate()),
                "repairs a filesystem: what it cannot fix it discards");
    }

    private static Predicate<Words> any(String... flags) {
        return any(Set.of(flags));
    }

    private static Predicate<Words> any(Set<String> flags) {
        return w -> w.flags().stream().anyMatch(flags::contains);
    }

    /** Some flags, all of them from {@code flags}. */
    private static Predicate<Words> only(String... flags) {
        return w -> !w.flags().isEmpty() && Set.of(flags).containsAll(w.flags());
    }

    /** The first word that is not a flag ({@code ""} when there is none) is one of {@code words}. */
    private static Predicate<Words> first(Set<String> words) {
        return w -> words.contains(w.positionals().isEmpty() ? "" : w.positionals().getFirst());
    }

    /** {@code iscsiadm -m session}: looking, unless it logs in or out, rescans, or creates, updates or deletes records. */
    private static boolean iscsiReads(Words w) {
        boolean op = w.value("-o").or(() -> w.value("--op")).filter(v -> !v.equals("show")).isPresent();
        return !op && !w.flags().stream().anyMatch(Set.of("-l", "--login", "-u", "--logout", "--loginall", "--logoutall",
                "-R", "--rescan", "-k", "--killiscsid")::contains);
    }

    /**
     * {@code losetup -a}, {@code losetup -l}, {@code losetup /dev/loop0}, {@code losetup -j FILE}, {@code losetup -f}:
     * listing and looking up. A file operand attaches it; {@code -d}/{@code -D} detach, {@code -c} resizes.
     */
    private static boolean losetupReads(Words w) {
        Set<String> values = new java.util.HashSet<>();
        for (String flag : List.of("-j", "--associated", "-O", "--output")) {
            w.value(flag).ifPresent(values::add);
        }
        return w.flags().stream().noneMatch(Set.of("-d", "--detach", "-D", "--detach-all", "-c", "--set-capacity")::contains)
                && w.positionals().stream().allMatch(p -> p.startsWith("/dev/loop") || values.contains(p));
    }

    /** {@code hostnamectl}, {@code hostnamectl status}, {@code hostnamectl hostname}: a property named without a new value. */
    private static boolean hostnamectlReads(Words w) {
        List<String> p = w.positionals();
        return p.isEmpty() || p.getFirst().equals("status")
                || p.size() == 1 && Set.of("hostname", "icon-name", "chassis", "deployment", "location").contains(p.getFirst());
    }

    /**
     * A run's arguments: flag names (bundled short flags split, attached values dropped), the other words, and whether
     * any flag carried an attached value ({@code -W0}, {@code --show=NAME}).
     */
    record Words(List<String> raw, List<String> flags, List<String> positionals, boolean valued) {

        static Words of(List<String> args) {
            List<String> flags = new ArrayList<>();
            List<String> positionals = new ArrayList<>();
            boolean valued = false;
            for (String a : args) {
                if (a.startsWith("--") && a.length() > 2) {
                    int eq = a.indexOf('=');
                    flags.add(eq > 0 ? a.substring(0, eq) : a);
                    valued |= eq > 0;
                } else if (a.startsWith("-") && a.length() > 1 && !a.substring(1).chars().allMatch(Character::isDigit)) {
                    String letters = a.substring(1);
                    if (letters.chars().allMatch(Character::isLetter)) {
                        letters.chars().forEach(c -> flags.add("-" + (char) c));
                    } else {
                        flags.add("-" + letters.charAt(0));
                        valued = true;
                    }
                } else if (!a.equals("--")) {
                    positionals.add(a);
                }
            }
            return new Words(List.copyOf(args), List.copyOf(flags), List.copyOf(positionals), valued);
        }

        /** The value written after {@code flag}, as the next word or attached ({@code -H bmc1}, {@code --op=delete}). */
        Optional<String> value(String flag) {
            for (int i = 0; i < raw.size(); i++) {
                String a = raw.get(i);
                if (a.equals(flag) && i + 1 < raw.size()) {
                    return Optional.of(raw.get(i + 1));
                }
                if (a.startsWith(flag + "=")) {
                    return Optional.of(a.substring(flag.length() + 1));
                }
                if (flag.length() == 2 && a.startsWith(flag) && a.length() > 2 && !flag.startsWith("--")) {
                    return Optional.of(a.substring(2));
                }
            }
            return Optional.empty();
        }
    }
}
