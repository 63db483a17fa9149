package dev.interlock.analysis.shell.recognizers.backup;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Enterprise backup servers and their catalogs: Bacula/Bareos ({@code bconsole} reading its commands from standard
 * input, the volume tools, the daemons' {@code -t} configuration test), Amanda, Veritas NetBackup's admin commands
 * and IBM Spectrum Protect ({@code dsmadmc}, {@code dsmc}). Listings, status, queries and reports read; running or
 * restoring jobs and changing definitions change the server; deleting, purging, pruning or expiring backups,
 * relabelling a volume and removing tapes from the catalog lose backups for good. The server is where the command
 * runs (an ssh host) or the one it names ({@code -se}/{@code -tcpserveraddress}, NetBackup's {@code -M}).
 */
public final class BackupServers implements Recognizer {

    /** bconsole commands, first word of each line; anything unlisted changes the director. */
    private static final CommandTable BCONSOLE = CommandTable.builder()
            .add("", "list llist status messages show version help estimate query time .jobs .clients .pools .storage"
                    + " .filesets .msgs .status .api .defaults .volstatus .schedule quit exit wait whoami", read("backup-catalog"))
            .add("", "delete prune", delete("backup-catalog").losesData().many().note("drops jobs or volumes and the backups they record"))
            .add("", "purge truncate", delete("backup-volume").losesData().many().note("empties volumes of their backups"))
            .add("", "label relabel", replace("backup-volume").note("writes a new label over the volume: what it held is unreadable"))
            .add("", "restore", update("backup-client").note("restores files onto a client"))
            .build();

    /** Amanda's programs (amadmin by its subcommand). */
    private static final Map<String, CommandTable.Act> AMANDA = Map.ofEntries(
            Map.entry("amrmtape", delete("backup-volume").losesData().note("removes the tape and its dumps from the catalog")),
            Map.entry("amdump", create("backup")), Map.entry("amflush", create("backup")), Map.entry("amvault", create("backup")),
            Map.entry("amcleanup", update("backup-catalog")), Map.entry("amlabel", create("backup-volume")),
            Map.entry("amcheckdump", read("backup")),
            Map.entry("amstatus", read("backup")), Map.entry("amcheck", read("backup")), Map.entry("amreport", read("backup")),
            Map.entry("amoverview", read("backup")), Map.entry("amplot", read("backup")), Map.entry("amgetconf", read("backup")),
            Map.entry("amtoc", read("backup")), Map.entry("amfetchdump", read("backup")), Map.entry("amrestore", read("backup")),
            Map.entry("amrecover", read("backup")), Map.entry("amcheckdb", read("backup")));
    private static final CommandTable AMADMIN = CommandTable.builder()
            .add("", "find info balance due tape export disklist version config holding list", read("backup-catalog"))
            .add("", "delete", delete("backup-catalog").losesData().note("forgets a host's dumps"))
            .add("holding", "delete", delete("backup").losesData().note("deletes dumps waiting in the holding disk"))
            .build();
    /** amtape by its subcommand: showing the changer's slots reads; loading, ejecting or resetting moves tapes. */
    private static final CommandTable AMTAPE = CommandTable.builder()
            .add("", "show inventory current taper device", read("tape-library"))
            .build();

    /** NetBackup admin commands; bpexpdate and bpimage by their flags. */
    private static final Map<String, CommandTable.Act> NETBACKUP = Map.ofEntries(
            Map.entry("nbdelete", delete("backup-image").losesData().many().note("deletes image fragments from disk volumes")),
            Map.entry("bppldelete", delete("backup-policy")), Map.entry("bpplinfo", update("backup-policy")),
            Map.entry("bpplsched", update("backup-policy")), Map.entry("bpplinclude", update("backup-policy")),
            Map.entry("bpplclients", update("backup-policy")), Map.entry("bpbackup", create("backup")),
            Map.entry("bparchive", delete("file").losesData().many().note("archives files and deletes them from the client")),
            Map.entry("bprestore", update("backup-client").note("restores files onto a client")),
            Map.entry("bpduplicate", create("backup-image")), Map.entry("bpimport", create("backup-image")));
    private static final Set<String> NETBACKUP_READS = Set.of("bpdbjobs", "bpimagelist", "bpclimagelist", "bpplist", "bppllist",
            "bpstulist", "bperror", "bpgetconfig", "bpclntcmd", "bpcoverage", "bpmedialist", "bpverify", "vmquery", "vmoprcmd",
            "nbstlutil", "nbemmcmd", "bpretlevel", "bpcllist", "bpflist", "bplist", "nbdevquery", "bpminlicense");

    /** dsmadmc commands (the administrative client's first word); anything unlisted changes the server. */
    private static final CommandTable DSMADMC = CommandTable.builder()
            .add("", "query q select show help", read("backup-server"))
            .add("", "delete del remove", delete("backup-server").losesData())
            .add("", "grant revoke", grant("backup-server"))
            .add("", "backup", create("backup"))
            .build();
    /** dsmc (the backup-archive client). */
    private static final CommandTable DSMC = CommandTable.builder()
            .add("", "query q help show", read("backup"))
            .add("", "incremental i selective s archive backup", create("backup"))
            .add("", "restore rest retrieve ret", read("backup"))
            .add("", "delete del expire", delete("backup").losesData())
            .add("set", "password", update("password"))
            .build();

    private static final Set<String> DAEMONS = Set.of("bareos-dir", "bacula-dir", "bareos-sd", "bacula-sd", "bareos-fd", "bacula-fd");
    private static final Set<String> VOLUME_TOOLS = Set.of("bls", "bextract", "bscan", "btape", "bcopy");

    @Override
    public Set<String> programs() {
        Set<String> all = new HashSet<>(Set.of("bconsole", "amadmin", "amtape", "bpexpdate", "bpimage", "dsmadmc", "dsmc"));
        all.addAll(AMANDA.keySet());
        all.addAll(NETBACKUP.keySet());
        all.addAll(NETBACKUP_READS);
        all.addAll(DAEMONS);
        all.addAll(VOLUME_TOOLS);
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        String program = inv.program();
        if (program.equals("bconsole")) {
            return bconsole(inv);
        }
        if (DAEMONS.contains(program)) {
            boolean test = inv.words().contains("-t");
            return List.of(op(inv, test ? read("backup-config").note(program + " -t only tests its configuration")
                    : update("backup-server").note(program + " starts the daemon"), "bacula", "", ""));
        }
        if (VOLUME_TOOLS.contains(program)) {
            ParsedArgs p = inv.parse(Set.of("-c", "-d", "-e", "-i", "-V", "-b", "-D", "-p", "-B", "-h", "-P", "-u", "-w"));
            String volume = p.value("-V").orElse("");
            CommandTable.Act act = switch (program) {
                case "bscan" -> p.has("-s", "-m") ? update("backup-catalog").note("bscan -s|-m writes what it finds into the catalog")
                        : read("backup-volume");
                case "btape" -> update("tape").note("btape tests the drive by writing to the tape");
                case "bcopy" -> create("backup-volume");
                default -> read("backup-volume");
            };
            return List.of(op(inv, act, "bacula", volume, ""));
        }
        if (program.equals("amadmin") || program.equals("amtape")) {
            List<String> words = inv.parse(Set.of("-o", "--config")).words();
            List<String> rest = words.size() > 1 ? words.subList(1, words.size()) : List.of();
            CommandTable.Act act = program.equals("amtape")
                    ? AMTAPE.find(rest).map(CommandTable.Found::act).orElse(update("tape-library"))
                    : AMADMIN.find(rest).map(CommandTable.Found::act).orElse(update("backup-catalog"));
            return List.of(op(inv, act, "amanda", words.isEmpty() ? "" : words.getFirst(), ""));
        }
        if (AMANDA.containsKey(program)) {
            CommandTable.Act act = AMANDA.get(program);
            if (program.equals("amlabel") && inv.words().contains("-f")) {
                act = replace("backup-volume").note("amlabel -f relabels a tape that holds dumps: they are lost");
            }
            List<String> words = inv.parse(Set.of("-o")).words();
            return List.of(op(inv, act, "amanda", words.size() > 1 ? words.get(1) : words.isEmpty() ? "" : words.getFirst(), ""));
        }
        if (program.startsWith("bp") || program.startsWith("nb") || program.startsWith("vm")) {
            return List.of(netbackup(inv));
        }
        return List.of(spectrumProtect(inv));
    }

    private static List<Operation> bconsole(Invocation inv) {
        List<String> lines = inv.stdin().map(s -> s.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("@") && !l.equalsIgnoreCase("yes")
                        && !l.equalsIgnoreCase("no")).toList()).orElse(List.of());
        if (lines.isEmpty()) {
            return List.of(Operation.builder("bacula", Verb.UNKNOWN).resource("backup-catalog", "").confidence(Confidence.INFERRED)
                    .evidence(inv.evidence()).note("an interactive bconsole session: its commands are not in view").build());
        }
        List<Operation> ops = new ArrayList<>();
        for (String line : lines) {
            List<String> words = List.of(line.split("\\s+"));
            CommandTable.Act act = BCONSOLE.find(words.subList(0, 1)).map(CommandTable.Found::act).orElse(update("backup-server"));
            boolean all = words.stream().anyMatch(w -> w.equalsIgnoreCase("all") || w.toLowerCase(Locale.ROOT).startsWith("volume=*"));
            if (act.verb().destructive() && all) {
                act = act.all();
            }
            ops.add(op(inv, act.note(act.note().isEmpty() ? "bconsole " + words.getFirst() : "bconsole " + words.getFirst() + " " + act.note()),
                    "bacula", words.size() > 1 ? words.get(1) : "", ""));
        }
        return ops;
    }

    private static Operation netbackup(Invocation inv) {
        String program = inv.program();
        ParsedArgs p = inv.parse(Set.of("-M", "-backupid", "-d", "-client", "-policy", "-m", "-ev", "-stype", "-dp",
                "-storage_server", "-copy", "-L", "-hoursago", "-jobid", "-c", "-s", "-e", "-t", "-pt", "-dsid"));
        String name = p.value("-backupid", "-m", "-ev", "-client", "-policy").orElse(p.words().isEmpty() ? "" : p.words().getFirst());
        CommandTable.Act act;
        if (program.equals("bpexpdate")) {
            boolean now = p.value("-d").map(d -> d.equals("0")).orElse(false) || p.has("-deassignempty");
            act = now ? delete("backup-image").losesData().note("bpexpdate -d 0 expires the backup now: image and catalog entry go")
                    : p.has("-d") ? update("backup-image").note("bpexpdate changes when the backup expires") : read("backup-image");
        } else if (program.equals("bpimage")) {
            act = inv.words().stream().anyMatch(w -> w.startsWith("-delete")) ? delete("backup-image").losesData()
                    : inv.words().stream().anyMatch(w -> Regex.matches(w, "-(update|cleanup|create_image_list|wff|newserver|npc|prunetir|compress|decompress)\\w*"))
                    ? update("backup-image") : read("backup-image");
        } else if (NETBACKUP_READS.contains(program)) {
            act = read("backup-catalog");
        } else {
            act = NETBACKUP.get(program);
        }
        if (act.verb().destructive() && p.has("-allvolumes", "-all")) {
            act = act.all();
        }
        return op(inv, act, "netbackup", name, p.value("-M").orElse(""));
    }

    private static Operation spectrumProtect(Invocation inv) {
        String program = inv.program();
        List<String> command = new ArrayList<>();
        String server = "";
        for (String w : inv.words()) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (Regex.matches(lower, "-(se|servername|tcpserveraddress|tcps)=.+")) {
                server = w.substring(w.indexOf('=') + 1);
            } else if (!w.startsWith("-")) {
                command.addAll(List.of(w.strip().split("\\s+")));
            }
        }
        if (command.isEmpty() && inv.stdin().isPresent()) {
            command.addAll(List.of(inv.stdin().get().strip().split("\\s+")));
        }
        CommandTable table = program.equals("dsmadmc") ? DSMADMC : DSMC;
        if (command.isEmpty() || command.getFirst().isEmpty()) {
            return Operation.builder("spectrum-protect", Verb.UNKNOWN).resource("backup-server", server).confidence(Confidence.INFERRED)
                    .evidence(inv.evidence()).note("an interactive " + program + " session: its commands are not in view").build();
        }
        CommandTable.Act act = table.find(command).map(CommandTable.Found::act).orElse(update("backup-server"));
        if (program.equals("dsmc") && act.verb() == Verb.READ && inv.words().stream()
                .anyMatch(w -> Regex.matches(w.toLowerCase(Locale.ROOT), "-replace=(yes|all)"))) {
            act = replace("file").note("dsmc restores over the files in place");
        }
        if (act.verb().destructive() && command.stream().anyMatch(w -> w.equals("*") || w.equalsIgnoreCase("discarddata=yes"))) {
            act = command.contains("*") ? act.all() : act.many();
        }
        String what = String.join(" ", command.subList(0, Math.min(2, command.size())));
        return op(inv, act.note(act.note().isEmpty() ? program + " " + what : act.note()), "spectrum-protect",
                command.size() > 2 ? command.get(2) : "", server);
    }

    /** The operation on {@code name}, placed by the ssh host or pod it runs on and the server it names. */
    private static Operation op(Invocation inv, CommandTable.Act act, String system, String name, String host) {
        return act.placed(inv, system, name, Map.of("host", host), Tier.UNKNOWN, "");
    }
}
