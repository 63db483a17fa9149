package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Files a {@code find} writes itself ({@code -fprintf FILE FORMAT}, {@code -fprint}, {@code -fprint0}, {@code -fls}):
 * a later run of such a file in the same line ({@code find . -maxdepth 0 -fprintf r.sh 'rm -rf ~\n' && sh r.sh}) is
 * code this line wrote. The text is known when the format is literal, has no directives and is printed for the start
 * itself (with {@code -maxdepth 0}, or no test that could skip it); otherwise the file holds what the search found, and
 * running it is opaque ({@link StagedScripts}).
 */
final class FindOutputs {

    private static final Set<String> WRITERS = Set.of("-fprintf", "-fprint", "-fprint0", "-fls");
    /** Options and actions that do not decide which files are printed. */
    private static final Set<String> NOT_TESTS = Set.of("-depth", "-xdev", "-mount", "-follow", "-noleaf", "-daystart",
            "-ignore_readdir_race", "-noignore_readdir_race", "-warn", "-nowarn", "-print", "-print0", "-ls", "-quit");
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-maxdepth", "-mindepth", "-regextype", "-printf");

    private FindOutputs() {
    }

    /** {@code args} from the first expression word on, after the starting points. */
    static void remember(List<Arg> args, ShellWalk walk) {
        // the cheap test first: most finds write no file
        if (args.stream().noneMatch(a -> WRITERS.contains(a.value()))) {
            return;
        }
        boolean once = false;
        boolean tests = false;
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (w.equals("-maxdepth") && i + 1 < args.size() && args.get(i + 1).value().equals("0")) {
                once = true;
            }
            if (WRITERS.contains(w)) {
                i += w.equals("-fprintf") ? 2 : 1;
            } else if (OPTIONS_WITH_VALUE.contains(w)) {
                i++;
            } else if (!NOT_TESTS.contains(w)) {
                tests = true;
            }
        }
        boolean printedForStart = once || !tests;
        for (int i = 0; i + 1 < args.size(); i++) {
            String w = args.get(i).value();
            if (!WRITERS.contains(w)) {
                continue;
            }
            Arg file = args.get(i + 1);
            Optional<String> text = Optional.empty();
            if (w.equals("-fprintf") && i + 2 < args.size()) {
                Arg format = args.get(i + 2);
                if (format.literal() && printedForStart && !Regex.find(format.value().replace("%%", ""), "%")) {
                    text = Optional.of(escapes(format.value().replace("%%", "%")));
                }
            }
            if (file.literal() && !file.value().startsWith("/dev/")) {
                StagedScripts.keep(file.value(), text, false, "filled with what find found", walk);
            }
            i += w.equals("-fprintf") ? 2 : 1;
        }
    }

    /** find's backslash escapes in a format; {@code \c} ends the output. */
    static String escapes(String format) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '\\' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char e = format.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'v' -> out.append('\u000b');
                case 'f' -> out.append('\f');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case '0' -> out.append('\0');
                case '\\' -> out.append('\\');
                case 'c' -> {
                    return out.toString();
                }
                default -> out.append('\\').append(e);
            }
        }
        return out.toString();
    }
}
