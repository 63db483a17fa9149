package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Programs that turn text into other text — {@code base64|base32|basenc -d}, {@code openssl base64 -d}, {@code xxd -r
 * -p}, {@code rev}, {@code tr SET1 SET2} — the usual ways to hide a command from whoever reads the line. What they print
 * is computed when their input is literal, so that a script staged through them ({@code echo … | base64 -d > c.sh && sh
 * c.sh}) is analyzed like one written with {@code echo}; otherwise only the decoder is known, and a file it writes is
 * code no one has seen.
 */
final class Decoders {

    /** Decoders whose output is never computed here: compressed or encrypted input. */
    private static final Set<String> OPAQUE = Set.of("gunzip", "zcat", "bunzip2", "bzcat", "unxz", "xzcat", "unzstd", "zstdcat",
            "uudecode", "lzcat", "unlzma", "brotli");
    private static final Set<String> PROGRAMS = Set.of("base64", "gbase64", "base32", "basenc", "openssl", "xxd", "rev", "tr",
            "gzip", "bzip2", "xz", "zstd", "lzma");
    /** More than a script that anyone types: the rest of a hostile input is not decoded. */
    private static final int MAX_INPUT = 64 * 1024;

    /** A decoder and what it printed; {@code text} is empty when that cannot be computed. */
    record Output(String program, Optional<String> text) {
    }

    private Decoders() {
    }

    /** Whether {@code program} (a bare name) may be a decoder: the cheap test before the words are read. */
    static boolean candidate(String program) {
        return PROGRAMS.contains(program) || OPAQUE.contains(program);
    }

    /**
     * What the command {@code words} prints when it is a decoder: decoded from {@code input} (its standard input, or
     * the text of its file operand when this line wrote it). Empty when the command is not a decoder.
     */
    static Optional<Output> of(List<Optional<String>> words, Optional<String> input, ShellWalk walk) {
        if (words.isEmpty() || words.getFirst().isEmpty()) {
            return Optional.empty();
        }
        String program = words.getFirst().get().substring(words.getFirst().get().lastIndexOf('/') + 1);
        if (!candidate(program)) {
            return Optional.empty();
        }
        List<String> args = new ArrayList<>();
        boolean literal = true;
        for (Optional<String> a : words.subList(1, words.size())) {
            args.add(a.orElse("$(…)"));
            literal &= a.isPresent();
        }
        if (!decodes(program, args)) {
            return Optional.empty();
        }
        Optional<String> operand = operand(program, args);
        // a file operand's text only when this line wrote it: a data file in the project is not worth reading for this
        Optional<String> in = operand.isPresent() ? Optional.ofNullable(walk.written.get(walk.workspace.resolve(operand.get()))) : input;
        if (!literal || in.isEmpty() || in.get().length() > MAX_INPUT || OPAQUE.contains(program)) {
            return Optional.of(new Output(program, Optional.empty()));
        }
        return Optional.of(new Output(program, decode(program, args, in.get())));
    }

    /** Whether these arguments make the program decode (base64 without {@code -d} encodes, gzip without it compresses). */
    private static boolean decodes(String program, List<String> args) {
        return switch (program) {
            case "base64", "gbase64", "base32", "basenc" -> args.stream().anyMatch(a -> a.equals("--decode")
                    || Regex.matches(a, "-[a-zA-Z]*[dD][a-zA-Z]*"));
            case "openssl" -> !args.isEmpty() && (args.getFirst().equals("base64") || args.getFirst().equals("enc"))
                    && args.contains("-d");
            case "xxd" -> args.stream().anyMatch(a -> a.equals("-revert") || Regex.matches(a, "-[a-z]*r[a-z]*"));
            case "gzip", "bzip2", "xz", "zstd", "lzma" -> args.stream().anyMatch(a -> a.equals("--decompress")
                    || Regex.matches(a, "-[a-zA-Z0-9]*d[a-zA-Z0-9]*"));
            case "tr" -> args.size() == 2 && args.stream().noneMatch(a -> a.startsWith("-"));
            default -> true;
        };
    }

    /** A file the decoder reads instead of its standard input. */
    private static Optional<String> operand(String program, List<String> args) {
        if (program.equals("tr")) {
            return Optional.empty();
        }
        List<String> operands = new ArrayList<>();
        for (int i = program.equals("openssl") ? 1 : 0; i < args.size(); i++) {
            String a = args.get(i);
            if (Set.of("-w", "--wrap", "-in", "-c", "-cols", "-l", "-len", "-s", "-seek", "-o", "-out").contains(a)) {
                if (a.equals("-in") && i + 1 < args.size()) {
                    return Optional.of(args.get(i + 1));
                }
                i++;
            } else if (!a.startsWith("-")) {
                operands.add(a);
            }
        }
        return operands.stream().filter(o -> !o.equals("-")).findFirst();
    }

    private static Optional<String> decode(String program, List<String> args, String input) {
        try {
            return switch (program) {
                case "base64", "gbase64" -> utf8(Base64.getMimeDecoder().decode(input.strip()));
                case "basenc" -> args.contains("--base64") ? utf8(Base64.getMimeDecoder().decode(input.strip()))
                        : args.contains("--base64url") ? utf8(Base64.getUrlDecoder().decode(Regex.replaceAll(input, "\\s+", "")))
                        : args.contains("--base16") ? hex(input) : Optional.empty();
                case "openssl" -> args.getFirst().equals("base64") || args.contains("-a") || args.contains("-base64")
                        ? args.getFirst().equals("enc") && args.stream().anyMatch(a -> a.startsWith("-") && !Set.of("-d", "-a", "-A", "-base64").contains(a))
                                ? Optional.empty() // a cipher: encrypted, not only encoded
                                : utf8(Base64.getMimeDecoder().decode(input.strip()))
                        : Optional.empty();
                case "xxd" -> args.stream().anyMatch(a -> a.equals("-p") || a.equals("-ps") || a.equals("-plain") || Regex.matches(a, "-r?p[s]?"))
                        ? hex(input) : Optional.empty();
                case "rev" -> Optional.of(reversedLines(input));
                case "tr" -> translated(args.get(0), args.get(1), input);
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not valid base64 or hex: what the program would print is not known
        }
    }

    private static Optional<String> utf8(byte[] bytes) {
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    private static Optional<String> hex(String input) {
        String digits = Regex.replaceAll(input, "\\s+", "");
        return digits.length() % 2 == 0 ? utf8(HexFormat.of().parseHex(digits)) : Optional.empty();
    }

    private static String reversedLines(String input) {
        StringBuilder out = new StringBuilder();
        for (String line : input.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(new StringBuilder(line).reverse());
        }
        return out.toString();
    }

    /** {@code tr 'A-Za-z' 'N-ZA-Mn-za-m'}: ranges and plain characters; classes and escapes leave the output unknown. */
    private static Optional<String> translated(String from, String to, String input) {
        Optional<String> a = expand(from);
        Optional<String> b = expand(to);
        if (a.isEmpty() || b.isEmpty() || b.get().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(input.length());
        for (char c : input.toCharArray()) {
            int i = a.get().lastIndexOf(c);
            out.append(i < 0 ? c : b.get().charAt(Math.min(i, b.get().length() - 1)));
        }
        return Optional.of(out.toString());
    }

    private static Optional<String> expand(String set) {
        if (set.contains("[") || set.contains("\\")) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < set.length(); i++) {
            if (i + 2 < set.length() && set.charAt(i + 1) == '-' && set.charAt(i) <= set.charAt(i + 2)) {
                for (char c = set.charAt(i); c <= set.charAt(i + 2); c++) {
                    out.append(c);
                }
                i += 2;
            } else {
                out.append(set.charAt(i));
            }
        }
        return out.length() > 512 ? Optional.empty() : Optional.of(out.toString());
    }
}
