package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text that one-liner code computes from literals alone, written back as a literal before the code is scanned, so that
 * the command it spells is judged like a spelled-out one: {@code ''.join(chr(c) for c in [114, 109])},
 * {@code base64.b64decode('cm0=').decode()}, {@code bytes.fromhex('726d').decode()}, {@code codecs.decode('ez', 'rot13')},
 * {@code os.path.expanduser('~/x')}; in JavaScript {@code Buffer.from('cm0=', 'base64').toString()}, {@code atob('cm0=')},
 * {@code String.fromCharCode(114, 109)}. A decode handed straight to exec/eval is left alone: code hidden from the reader
 * stays opaque.
 */
final class StaticStrings {

    private static final String STR = CodeCalls.STR;
    private static final String INTS = "[\\[(]\\s*(\\d+(?:\\s*,\\s*\\d+)*)\\s*,?\\s*[\\])]";
    /** bytes turned back into text: .decode(), .decode('utf-8'), .toString(), .toString('utf8') */
    private static final String AS_TEXT = "(?:\\s*\\.\\s*(?:decode|toString)\\s*\\(\\s*(?:" + STR + ")?\\s*\\))?";

    private record Rule(Pattern pattern, Function<Matcher, Optional<String>> value) {
    }

    private static final List<Rule> PYTHON = List.of(
            rule("(?:\\bbase64\\.)?\\b(?:b64decode|urlsafe_b64decode|standard_b64decode|decodebytes)\\s*\\(\\s*" + STR + "\\s*\\)" + AS_TEXT,
                    m -> arg(m, 1).flatMap(StaticStrings::base64)),
            rule("\\b(?:bytes|bytearray)\\.fromhex\\s*\\(\\s*" + STR + "\\s*\\)" + AS_TEXT
                    + "|(?:\\bbinascii\\.)?\\b(?:unhexlify|a2b_hex)\\s*\\(\\s*" + STR + "\\s*\\)" + AS_TEXT,
                    m -> arg(m, m.group(1) != null ? 1 : 3).flatMap(StaticStrings::hex)),
            rule("\\bcodecs\\.(?:de|en)code\\s*\\(\\s*" + STR + "\\s*,\\s*['\"](rot13|rot_13|rot-13|hex|base64)['\"]\\s*\\)" + AS_TEXT,
                    m -> arg(m, 1).flatMap(s -> switch (m.group(2)) {
                        case "hex" -> hex(s);
                        case "base64" -> base64(s);
                        default -> Optional.of(rot13(s));
                    })),
            rule(STR + "\\s*\\.join\\s*\\(\\s*\\[?\\s*chr\\s*\\(\\s*(\\w+)\\s*\\)\\s+for\\s+\\2\\s+in\\s+" + INTS + "\\s*\\]?\\s*\\)",
                    m -> arg(m, 1).flatMap(sep -> chars(m.group(3), sep))),
            rule(STR + "\\s*\\.join\\s*\\(\\s*map\\s*\\(\\s*chr\\s*,\\s*" + INTS + "\\s*\\)\\s*\\)",
                    m -> arg(m, 1).flatMap(sep -> chars(m.group(2), sep))),
            rule("\\b(?:bytes|bytearray)\\s*\\(\\s*" + INTS + "\\s*\\)" + AS_TEXT, m -> chars(m.group(1), "")),
            rule("(?<![\\w.])chr\\s*\\(\\s*(\\d+)\\s*\\)", m -> chars(m.group(1), "")),
            // shlex.split('git status') runs the words of the literal: the same command
            rule("\\bshlex\\.split\\s*\\(\\s*" + STR + "\\s*\\)", m -> arg(m, 1)),
            rule("\\bos\\.path\\.expanduser\\s*\\(\\s*" + STR + "\\s*\\)", m -> arg(m, 1)),
            rule(STR + "\\s*\\[\\s*::\\s*-1\\s*\\]", m -> arg(m, 1).map(s -> new StringBuilder(s).reverse().toString())));

    private static final List<Rule> JAVASCRIPT = List.of(
            rule("\\bBuffer\\.from\\s*\\(\\s*" + STR + "\\s*,\\s*['\"](base64|hex)['\"]\\s*\\)" + AS_TEXT,
                    m -> arg(m, 1).flatMap(s -> m.group(2).equals("hex") ? hex(s) : base64(s))),
            rule("(?<![\\w.$])atob\\s*\\(\\s*" + STR + "\\s*\\)", m -> arg(m, 1).flatMap(StaticStrings::base64)),
            rule("\\bString\\.fromCharCode\\s*\\(\\s*(\\d+(?:\\s*,\\s*\\d+)*)\\s*\\)", m -> chars(m.group(1), "")));

    /** Code handing the decoded text straight to exec/eval: not resolved, so it stays opaque. */
    private static final Pattern EVALUATED = Pattern.compile("(?:\\b(?:exec|eval|compile|Function)\\s*\\(\\s*)$");

    private StaticStrings() {
    }

    private static Rule rule(String regex, Function<Matcher, Optional<String>> value) {
        return new Rule(Pattern.compile(regex), value);
    }

    static String resolved(String code, Language language) {
        List<Rule> rules = switch (language) {
            case PYTHON -> PYTHON;
            case JAVASCRIPT -> JAVASCRIPT;
            default -> List.of();
        };
        String out = code;
        for (Rule r : rules) {
            Matcher m = r.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String before = out.substring(Math.max(0, m.start() - 24), m.start());
                Optional<String> value = EVALUATED.matcher(before).find() ? Optional.empty() : r.value().apply(m);
                m.appendReplacement(sb, Matcher.quoteReplacement(value.map(StaticStrings::quoted).orElse(m.group())));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }

    private static Optional<String> arg(Matcher m, int group) {
        return m.group(group) == null ? Optional.empty() : CodeScanner.literal(m.group(group), Language.PYTHON);
    }

    /** Only text: a payload that decodes to binary is not a command and is left as it was. */
    private static Optional<String> text(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.chars().allMatch(c -> c >= 0x20 && c != 0x7f && c != 0xfffd || c == '\n' || c == '\t') ? Optional.of(s) : Optional.empty();
    }

    private static Optional<String> base64(String s) {
        String clean = s.replaceAll("\\s", "");
        for (Base64.Decoder d : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                return text(d.decode(clean));
            } catch (IllegalArgumentException e) {
                // not this alphabet
            }
        }
        return Optional.empty();
    }

    private static Optional<String> hex(String s) {
        try {
            return text(HexFormat.of().parseHex(s.replaceAll("\\s", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String rot13(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 'a' && c <= 'z' ? (char) ('a' + (c - 'a' + 13) % 26)
                    : c >= 'A' && c <= 'Z' ? (char) ('A' + (c - 'A' + 13) % 26) : c);
        }
        return b.toString();
    }

    private static Optional<String> chars(String ints, String separator) {
        List<String> out = new ArrayList<>();
        for (String n : ints.split("\\s*,\\s*")) {
            if (n.strip().length() > 7 || Integer.parseInt(n.strip()) > 0x10ffff) {
                return Optional.empty();
            }
            int c = Integer.parseInt(n.strip());
            out.add(Character.toString(c));
        }
        return text(String.join(separator, out).getBytes(StandardCharsets.UTF_8));
    }

    /** A literal the scanner reads back to the same text. */
    private static String quoted(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\t", "\\t") + "'";
    }
}
