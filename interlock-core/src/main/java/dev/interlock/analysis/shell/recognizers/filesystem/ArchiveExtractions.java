package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Workspace.Area;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Archives unpacked over this machine's system directories ({@code tar -xzf x.tgz -C /}, {@code unzip -o x.zip -d
 * /usr/local/bin}, {@code 7z x x.7z -o/etc}): the archive's contents are not in view, so any system file below the
 * destination may be overwritten. Unpacking into the workspace, the home directory or a temp directory is everyday
 * work and keeps the archiver's own answer (empty here); so do listings, tests and extraction to standard output.
 */
public final class ArchiveExtractions {

    public static final Set<String> PROGRAMS = Set.of("tar", "unzip", "7z");

    private ArchiveExtractions() {
    }

    /** The system directory an extraction writes into, as a change of it; empty when it writes elsewhere or nothing. */
    public static Optional<Operation> overSystem(Invocation inv) {
        if (inv.remote() || !PROGRAMS.contains(inv.program())) {
            return Optional.empty(); // another host's layout is its own business (deploying to /srv/www there)
        }
        Optional<String> dest = switch (inv.program()) {
            case "unzip" -> unzip(inv.args());
            case "7z" -> sevenZip(inv.args());
            default -> tar(inv.args());
        };
        if (dest.isEmpty()) {
            return Optional.empty();
        }
        FileTarget t = FileTarget.of(new Arg(dest.get(), true, false, inv.evidence()), inv);
        // where the unpacked files land decides, not the directory itself: below /tmp is temp, below /usr system
        String below = (t.path().endsWith("/") ? t.path() : t.path() + "/") + "x";
        Area area = t.area() == Area.ROOT ? Area.ROOT : inv.workspace().area(below);
        if (area != Area.SYSTEM && area != Area.ROOT) {
            return Optional.empty();
        }
        return Optional.of(t.operation(inv, Verb.CREATE, "directory").scope(Scope.MANY).stateful(true).reversible(false)
                .note("unpacks an archive whose contents are not in view over system files, overwriting what is there")
                .build());
    }

    /** tar's destination when it extracts: the last {@code -C}/{@code --directory}, else the working directory. */
    private static Optional<String> tar(List<Arg> args) {
        boolean extract = false;
        String dir = ".";
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (w.equals("--extract") || w.equals("--get")) {
                extract = true;
            } else if (w.equals("--to-stdout") || w.equals("-O")) {
                return Optional.empty();
            } else if ((w.equals("-C") || w.equals("--directory")) && i + 1 < args.size()) {
                dir = args.get(++i).value();
            } else if (w.startsWith("--directory=")) {
                dir = w.substring("--directory=".length());
            } else if (w.startsWith("-C") && w.length() > 2) {
                dir = w.substring(2);
            } else if (i == 0 && !w.startsWith("-") && w.matches("[A-Za-z]+")) {
                extract = w.contains("x"); // old-style keys: tar xzf ARCHIVE
                if (w.contains("O")) {
                    return Optional.empty();
                }
            } else if (w.startsWith("-") && !w.startsWith("--") && w.matches("-[A-Za-z]+")) {
                // bundled letters: -xzf; a value-taking letter ends the bundle, so -C/ is handled above
                int c = w.indexOf('C');
                String letters = c > 0 ? w.substring(0, c) : w;
                extract |= letters.contains("x");
                if (letters.contains("O")) {
                    return Optional.empty();
                }
            }
        }
        return extract ? Optional.of(dir) : Optional.empty();
    }

    /** unzip's {@code -d DIR} (or the working directory); {@code -l}, {@code -t}, {@code -v}, {@code -Z}, {@code -p}, {@code -c} only read. */
    private static Optional<String> unzip(List<Arg> args) {
        String dir = ".";
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (w.equals("-d") && i + 1 < args.size()) {
                dir = args.get(++i).value();
            } else if (w.startsWith("-d") && w.length() > 2) {
                dir = w.substring(2);
            } else if (w.matches("-[A-Za-z]*[ltvZpc][A-Za-z]*") || w.equals("-Z")) {
                return Optional.empty();
            }
        }
        return Optional.of(dir);
    }

    /** 7-Zip's {@code x}/{@code e} into {@code -oDIR} (or the working directory). */
    private static Optional<String> sevenZip(List<Arg> args) {
        if (args.isEmpty() || !(args.getFirst().value().equals("x") || args.getFirst().value().equals("e"))) {
            return Optional.empty();
        }
        String dir = ".";
        for (Arg a : args) {
            if (a.value().startsWith("-o") && a.value().length() > 2) {
                dir = a.value().substring(2);
            } else if (a.value().equals("-so")) {
                return Optional.empty();
            }
        }
        return Optional.of(dir);
    }
}
