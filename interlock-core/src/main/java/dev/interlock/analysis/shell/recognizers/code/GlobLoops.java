package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The literal glob a loop variable walks, so that a delete of that variable is a delete of what the glob matches:
 * Ruby's {@code Dir.glob("tmp/cache/**&#47;*").each { |f| File.delete(f) }}, Python's
 * {@code for f in glob.glob('tmp/*.log'): os.remove(f)}. Anything else stays a path computed at run time.
 */
final class GlobLoops {

    private GlobLoops() {
    }

    private static final String STR = "(\"[^\"\\\\#$]*\"|'[^'\\\\]*')";
    private static final Pattern RUBY = Pattern.compile("\\bDir(?:\\.glob\\s*\\(\\s*" + STR + "\\s*\\)|\\s*\\[\\s*" + STR
            + "\\s*])\\s*\\.each\\s*(?:\\{|do)\\s*\\|\\s*(\\w+)\\s*\\|");
    private static final Pattern PYTHON = Pattern.compile("\\bfor\\s+(\\w+)\\s+in\\s+(?:glob\\.)?i?glob\\s*\\(\\s*[rRbB]?" + STR
            + "(\\s*,\\s*recursive\\s*=\\s*True)?\\s*\\)");
    private static final Pattern ARGUMENT = Pattern.compile("^\\s*\\(?\\s*(\\w+)\\s*(?:\\)|,|\\s+if\\b|$)");

    /** One glob: its root (the directories before the first wildcard) and whether it walks into subdirectories. */
    record Walk(String pattern, String root, boolean recursive) {
    }

    /** What a delete whose argument text is {@code tail} walks, when that argument is a glob loop's variable. */
    static Optional<Walk> deleted(String code, String tail, Language language) {
        Matcher arg = ARGUMENT.matcher(tail);
        if (!arg.find()) {
            return Optional.empty();
        }
        String variable = arg.group(1);
        Pattern loop = switch (language) {
            case RUBY -> code.contains("Dir") ? RUBY : null;
            case PYTHON -> code.contains("glob") ? PYTHON : null;
            default -> null;
        };
        if (loop == null) {
            return Optional.empty();
        }
        Matcher m = loop.matcher(code);
        while (m.find()) {
            String name = language == Language.RUBY ? m.group(3) : m.group(1);
            if (!name.equals(variable)) {
                continue;
            }
            String raw = language == Language.RUBY ? (m.group(1) != null ? m.group(1) : m.group(2)) : m.group(2);
            String pattern = raw.substring(1, raw.length() - 1);
            return Optional.of(walk(pattern));
        }
        return Optional.empty();
    }

    private static Walk walk(String pattern) {
        String[] parts = pattern.split("/", -1);
        StringBuilder root = new StringBuilder();
        for (String part : parts) {
            if (Regex.find(part, "[*?\\[{]")) {
                break;
            }
            root.append(root.isEmpty() && !pattern.startsWith("/") ? "" : "/").append(part);
        }
        String r = root.toString().replaceFirst("^//", "/");
        return new Walk(pattern, r.isEmpty() ? "." : r, pattern.contains("**"));
    }
}
