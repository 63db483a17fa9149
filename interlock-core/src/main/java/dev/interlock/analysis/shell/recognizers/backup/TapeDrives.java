package dev.interlock.analysis.shell.recognizers.backup;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tape drives and libraries on this machine (or the ssh host): {@code mt} positions the tape (status, rewind,
 * fsf/bsf, eod, eject: reads) unless it writes (weof writes a filemark that ends the tape there, everything after it
 * lost; erase wipes the tape); drive settings are changes. {@code mtx} reads the library's slots (status, inventory)
 * and moves cartridges (load, unload, transfer: changes). The SCSI inspectors ({@code tapeinfo}, {@code sg_logs},
 * {@code sg_inq}, {@code lsscsi} …) read, under sudo too; {@code sg_logs --reset} clears the drive's counters.
 * {@code tar} creating an archive on a tape device ({@code tar -cvf /dev/st0 …}) writes over what the tape held from
 * where it stands; over ssh, {@code tar -czf - PATHS} streams the host's files out (a copy when they are data).
 */
public final class TapeDrives implements Recognizer {

    /** mt's operations: anything unlisted positions or reports (a read). */
    private static final Map<String, Verb> MT = Map.ofEntries(Map.entry("erase", Verb.DELETE), Map.entry("weof", Verb.REPLACE),
            Map.entry("eof", Verb.REPLACE), Map.entry("wset", Verb.REPLACE), Map.entry("weofi", Verb.REPLACE),
            Map.entry("setblk", Verb.UPDATE), Map.entry("setdensity", Verb.UPDATE), Map.entry("drvbuffer", Verb.UPDATE),
            Map.entry("compression", Verb.UPDATE), Map.entry("stoptions", Verb.UPDATE), Map.entry("stsetoptions", Verb.UPDATE),
            Map.entry("stclearoptions", Verb.UPDATE), Map.entry("defblksize", Verb.UPDATE), Map.entry("defdensity", Verb.UPDATE),
            Map.entry("defdrvbuffer", Verb.UPDATE), Map.entry("defcompression", Verb.UPDATE), Map.entry("stsetcln", Verb.UPDATE),
            Map.entry("sttimeout", Verb.UPDATE), Map.entry("stlongtimeout", Verb.UPDATE), Map.entry("setpartition", Verb.UPDATE),
            Map.entry("mkpartition", Verb.DELETE), Map.entry("lock", Verb.UPDATE), Map.entry("unlock", Verb.UPDATE));

    /** mtx's commands that move cartridges; status, inventory and inquiry read. */
    private static final Set<String> MTX_MOVES = Set.of("load", "unload", "transfer", "first", "last", "next", "previous",
            "position", "eepos", "exchange");

    /** SCSI inspectors: they print what the drive, changer or bus reports. */
    private static final Set<String> INSPECTORS = Set.of("tapeinfo", "loaderinfo", "lsscsi", "sg_logs", "sg_inq", "sg_vpd",
            "sg_modes", "sg_readcap", "sg_turs", "sg_map", "sg_scan", "sg_luns", "sg_rep_zones", "sg_senddiag", "sg_sat_identify");

    /** A tape device node: Linux st/nst, the BSDs' sa/nsa, Solaris/AIX rmt. */
    static boolean tapeDevice(String path) {
        return Regex.matches(path, "/dev/(n?st\\d+[lmac]?|n?sa\\d+(\\.\\d+)?|rmt/?\\d+[\\w.]*|tape\\d*|nst|st)");
    }

    @Override
    public Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(INSPECTORS);
        all.addAll(Set.of("mt", "mt-st", "mt-gnu", "mtx"));
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (INSPECTORS.contains(inv.program())) {
            boolean reset = inv.program().equals("sg_logs") && inv.words().stream().anyMatch(w -> w.equals("-R") || w.equals("--reset"));
            String device = inv.words().stream().filter(w -> w.startsWith("/dev/")).reduce((a, b) -> b).orElse("");
            return List.of(drive(inv, reset ? Verb.UPDATE : Verb.READ, "tape-drive", device,
                    reset ? "sg_logs --reset clears the drive's log counters" : inv.program() + " reports what the device says").build());
        }
        if (inv.program().equals("mtx")) {
            ParsedArgs p = inv.parse(Set.of("-f"));
            String changer = p.value("-f").orElse(inv.env().getOrDefault("CHANGER", ""));
            List<String> words = p.words();
            Optional<String> move = words.stream().filter(MTX_MOVES::contains).findFirst();
            return List.of(drive(inv, move.isPresent() ? Verb.UPDATE : Verb.READ, "tape-library", changer,
                    move.map(m -> "mtx " + m + " moves a cartridge in the library").orElse("mtx reads the library's slots")).build());
        }
        ParsedArgs p = inv.parse(Set.of("-f", "-t", "--file"));
        String device = p.value("-f", "-t", "--file").orElse(inv.env().getOrDefault("TAPE", ""));
        String op = p.words().isEmpty() ? "status" : p.words().getFirst().toLowerCase(java.util.Locale.ROOT);
        Verb verb = MT.getOrDefault(op, Verb.READ);
        Operation.Builder b = drive(inv, verb, verb == Verb.UPDATE ? "tape-drive" : "tape", device,
                switch (verb) {
                    case DELETE -> "mt " + op + " wipes the tape: every archive on it is gone";
                    case REPLACE -> "mt " + op + " writes a filemark where the tape stands: what follows it is lost";
                    case UPDATE -> "mt " + op + " changes the drive's settings";
                    default -> "mt " + op + " positions the tape or reports its state";
                });
        if (verb == Verb.DELETE || verb == Verb.REPLACE) {
            b.stateful(true).reversible(false).scope(verb == Verb.DELETE ? Scope.ALL : Scope.MANY);
        }
        return List.of(b.build());
    }

    private static Operation.Builder drive(Invocation inv, Verb verb, String type, String device, String note) {
        Operation.Builder b = Operation.builder("tape", verb).resource(type, device).confidence(Confidence.INFERRED)
                .evidence(inv.evidence()).note(note);
        inv.locators().forEach(b::locator);
        return LocalFiles.local(inv, b, "a device on this machine");
    }

    /**
     * tar creating an archive: on a tape device it overwrites the tape from where it stands; on an ssh host to standard
     * output ({@code -f -}) it reads the named paths out to this side. Empty for anything else (a local archive file,
     * extraction, listing).
     */
    public static List<Operation> tar(Invocation inv) {
        List<String> w = inv.words();
        boolean create = false;
        String archive = inv.env().getOrDefault("TAPE", "");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            String a = w.get(i);
            if (a.equals("--create")) {
                create = true;
            } else if (a.startsWith("--file=")) {
                archive = a.substring("--file=".length());
            } else if ((a.equals("--file") || a.equals("-C") || a.equals("--directory") || a.equals("-T") || a.equals("-X")
                    || a.equals("--exclude") || a.equals("-b") || a.equals("-I") || a.equals("--use-compress-program")) && i + 1 < w.size()) {
                if (a.equals("--file")) {
                    archive = w.get(i + 1);
                }
                i++;
            } else if (a.startsWith("--")) {
                continue;
            } else if (Regex.matches(a, "-?[A-Za-z]+") && (a.startsWith("-") || i == 0)) {
                create |= a.contains("c");
                int f = a.indexOf('f');
                if (f >= 0 && i + 1 < w.size()) {
                    archive = w.get(++i);
                }
            } else {
                paths.add(a);
            }
        }
        if (!create) {
            return List.of();
        }
        if (tapeDevice(archive)) {
            Operation.Builder b = drive(inv, Verb.REPLACE, "tape", archive, "tar -c writes a new archive onto the tape at "
                    + archive + ", over what it held from where it stands").stateful(true).reversible(false).scope(Scope.ALL);
            return List.of(b.build());
        }
        if (inv.remote() && archive.equals("-")) {
            List<Operation> ops = new ArrayList<>();
            for (String path : paths) {
                ops.add(LocalFiles.on(inv, Verb.READ, "directory", path).evidence(inv.evidence())
                        .note("tar streams " + path + " out of the host").build());
            }
            return ops;
        }
        return List.of();
    }
}
