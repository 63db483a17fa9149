package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax of calls in code, whatever the library: string literals, the call a position sits in, methods called on
 * a client variable, a call's argument text, and the spellings of names between languages.
 */
final class ClientCallSyntax {

    private ClientCallSyntax() {
    }

    /** A single- or double-quoted string literal; its text is group 1 or 2. */
    static final String LIT = "(?:'([^'\\\\]*)'|\"([^\"\\\\]*)\")";

    /** The name of the call whose parentheses hold {@code at}: {@code help} for {@code help(s3.delete_bucket)}. */
    static Optional<String> enclosingCall(String code, int at) {
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')' || c == ']' || c == '}') {
                depth++;
            } else if (c == '[' || c == '{') {
                depth--;
            } else if (c == '(' && depth-- == 0) {
                Matcher name = Regex.pattern("(\\w+)\\s*$").matcher(code.substring(0, i));
                return name.find() ? Optional.of(name.group(1)) : Optional.empty();
            }
            if (depth < 0) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A method called on one of the code's clients: its name and where its arguments start. */
    record ClientCall(String method, int argumentsAt) {
    }

    private static final Pattern METHOD_CALL = Pattern.compile("(\\w+|\\))\\s*\\.\\s*(\\w+)\\s*\\(");

    /**
     * The methods called on a client, in order: on a variable one of {@code bindings} bound to a client (group 1 names
     * it), or on a client built inline by a call whose name {@code factory} matches ({@code Connection(…).delete(…)}).
     * Methods of other objects ({@code s.add(x)} of a set) are not the client's.
     */
    static List<ClientCall> clientCalls(String code, List<Pattern> bindings, Pattern factory) {
        List<String> clients = new ArrayList<>();
        for (Pattern p : bindings) {
            Matcher c = p.matcher(code);
            while (c.find()) {
                clients.add(c.group(1));
            }
        }
        List<ClientCall> out = new ArrayList<>();
        Matcher m = METHOD_CALL.matcher(code);
        while (m.find()) {
            String receiver = m.group(1);
            if (clients.contains(receiver)
                    || receiver.equals(")") && calledBefore(code, m.start(1) + 1).filter(factory.asMatchPredicate()).isPresent()) {
                out.add(new ClientCall(m.group(2), m.end()));
            }
        }
        return out;
    }

    /** The name of the call whose closing parenthesis ends just before {@code end}: {@code Redis} for {@code Redis(host='h')}. */
    static Optional<String> calledBefore(String code, int end) {
        int depth = 0;
        for (int i = end - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                Matcher name = Regex.pattern("(\\w+)\\s*$").matcher(code.substring(0, i));
                return name.find() ? Optional.of(name.group(1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The text of a call's arguments, from just after its opening parenthesis to the matching close. */
    static String callArguments(String code, int from) {
        int depth = 1;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (--depth == 0) {
                    return code.substring(from, i);
                }
            }
        }
        return code.substring(from);
    }

    static String lit(Matcher m, int firstGroup) {
        String v = m.group(firstGroup);
        return v != null ? v : m.group(firstGroup + 1) != null ? m.group(firstGroup + 1) : "";
    }

    /** {@code DBInstanceIdentifier} → {@code db-instance-identifier}; {@code DeleteBucket} → {@code delete-bucket}. */
    static String kebab(String camel) {
        String s = Regex.replaceAll(Regex.replaceAll(camel, "([A-Z]+)([A-Z][a-z])", "$1-$2"), "([a-z0-9])([A-Z])", "$1-$2");
        return s.toLowerCase(Locale.ROOT);
    }

    static String snake(String camel) {
        return kebab(camel).replace('-', '_');
    }

    static String quote(String value) {
        return Regex.matches(value, "[\\w@%+=:,./~-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
