package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.model.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lua script of {@code redis-cli EVAL "SCRIPT" NUMKEYS KEY… ARG…}, read as the Redis commands it calls: each
 * {@code redis.call('CMD', …)}/{@code redis.pcall} is judged like {@code redis-cli CMD …}, so a script reading a queue
 * length is a read and one calling {@code FLUSHDB} empties the database. {@code KEYS[n]} and {@code ARGV[n]} are the
 * words of the line; any other argument is a value computed by the script. A script that reaches the {@code redis}
 * object any other way (a command name computed at run time, {@code local r = redis}, {@code _G}, {@code loadstring})
 * cannot be read, and is left to the {@code EVAL} row of {@link RedisCli}.
 */
final class RedisScripts {

    private static final Pattern REDIS = Pattern.compile("(?<![\\w.])redis\\b");
    /** What may follow {@code redis}: a command call, or helpers that touch no data (logging, replies, hashing, constants). */
    private static final Pattern CALL = Pattern.compile("\\G\\s*\\.\\s*p?call\\s*\\(");
    private static final Pattern HARMLESS = Pattern.compile("\\G\\s*\\.\\s*(?:log|sha1hex|status_reply|error_reply|setresp"
            + "|breakpoint|debug|[A-Z][A-Z_]+)\\b(?!\\s*\\.)");
    /** Ways to reach commands or globals without naming {@code redis.call}. */
    private static final Pattern HIDES = Pattern.compile("(?<![\\w.])(?:loadstring|load|dofile|loadfile|getfenv|setfenv|rawget|_G|_ENV)\\b");
    private static final Pattern SCRIPT_ARGUMENT = Pattern.compile("(KEYS|ARGV)\\s*\\[\\s*(\\d+)\\s*\\]");

    private RedisScripts() {
    }

    /** Whether {@code words} (the positionals after the options) are an {@code EVAL} with a literal script. */
    static boolean isEval(List<Arg> words) {
        return words.size() > 1 && words.getFirst().literal() && words.getFirst().value().equalsIgnoreCase("EVAL")
                && words.get(1).literal();
    }

    /**
     * The commands the script calls, each as the words of a {@code redis-cli} line; empty when the script cannot be
     * read. A script calling no command at all yields an empty list.
     */
    static Optional<List<List<Arg>>> calls(List<Arg> words) {
        String script = words.get(1).value();
        if (HIDES.matcher(script).find()) {
            return Optional.empty();
        }
        List<Arg> keys = List.of();
        List<Arg> argv = List.of();
        if (words.size() > 2 && words.get(2).literal() && words.get(2).value().matches("\\d{1,3}")) {
            int n = Math.min(Integer.parseInt(words.get(2).value()), words.size() - 3);
            keys = words.subList(3, 3 + n);
            argv = words.subList(3 + n, words.size());
        }
        List<List<Arg>> calls = new ArrayList<>();
        Matcher m = REDIS.matcher(script);
        while (m.find()) {
            Matcher call = CALL.matcher(script).region(m.end(), script.length());
            if (call.lookingAt()) {
                List<Arg> command = arguments(script, call.end(), keys, argv);
                if (command.isEmpty() || !command.getFirst().literal()) {
                    return Optional.empty(); // the command's name is computed by the script
                }
                calls.add(command);
            } else if (!HARMLESS.matcher(script).region(m.end(), script.length()).lookingAt()) {
                return Optional.empty();
            }
        }
        return Optional.of(calls);
    }

    /** The arguments from {@code from} (just past the opening parenthesis) to the matching one, split at top-level commas. */
    private static List<Arg> arguments(String script, int from, List<Arg> keys, List<Arg> argv) {
        List<Arg> args = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"') {
                i = stringEnd(script, i);
                if (i < 0) {
                    return List.of();
                }
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0 || c == ')') {
                String text = script.substring(start, i).strip();
                if (!text.isEmpty()) {
                    args.add(argument(text, keys, argv));
                }
                if (c == ')') {
                    return args;
                }
                start = i + 1;
            }
        }
        return List.of(); // unbalanced
    }

    /** A quoted string or a script argument is a word of the command; anything else is computed when the script runs. */
    private static Arg argument(String text, List<Arg> keys, List<Arg> argv) {
        char q = text.charAt(0);
        if ((q == '\'' || q == '"') && stringEnd(text, 0) == text.length() - 1) {
            return Arg.of(text.substring(1, text.length() - 1).replace("\\" + q, String.valueOf(q)));
        }
        Matcher m = SCRIPT_ARGUMENT.matcher(text);
        if (m.matches()) {
            List<Arg> from = m.group(1).toUpperCase(Locale.ROOT).equals("KEYS") ? keys : argv;
            int n = Integer.parseInt(m.group(2));
            if (n >= 1 && n <= from.size()) {
                return from.get(n - 1);
            }
        }
        return new Arg(text, false, false, Evidence.text(text));
    }

    /** The index of the quote closing the string that opens at {@code open}, or -1. */
    private static int stringEnd(String s, int open) {
        char q = s.charAt(open);
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        return -1;
    }
}
