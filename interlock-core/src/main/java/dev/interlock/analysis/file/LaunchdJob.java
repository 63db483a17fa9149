package dev.interlock.analysis.file;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command a launchd job's property list runs ({@code ~/Library/LaunchAgents/*.plist}): its {@code ProgramArguments},
 * or its {@code Program} alone, as a shell line — what runs at every login is analyzed like a line in {@code ~/.bashrc}.
 * The XML is read with patterns, not parsed; anything else in the file (labels, intervals) is not a command.
 */
final class LaunchdJob {

    private static final Pattern ARGUMENTS = Pattern.compile("<key>\\s*ProgramArguments\\s*</key>\\s*<array>(.*?)</array>", Pattern.DOTALL);
    private static final Pattern PROGRAM = Pattern.compile("<key>\\s*Program\\s*</key>\\s*<string>(.*?)</string>", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("<string>(.*?)</string>", Pattern.DOTALL);

    private LaunchdJob() {
    }

    /** The job's command line, or "" when the file names none (or is not an XML property list). */
    static String commandLine(String plist) {
        List<String> words = new ArrayList<>();
        Matcher arguments = ARGUMENTS.matcher(plist);
        if (arguments.find()) {
            Matcher s = STRING.matcher(arguments.group(1));
            while (s.find()) {
                words.add(unescape(s.group(1)));
            }
        } else {
            Matcher program = PROGRAM.matcher(plist);
            if (program.find()) {
                words.add(unescape(program.group(1)));
            }
        }
        StringBuilder line = new StringBuilder();
        for (String w : words) {
            line.append(line.isEmpty() ? "" : " ").append("'").append(w.replace("'", "'\\''")).append("'");
        }
        return line.toString();
    }

    private static String unescape(String xml) {
        return xml.trim().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
