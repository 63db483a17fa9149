package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.syntax.AnsiC;
import java.util.List;
import java.util.Optional;

/**
 * What {@code printf FORMAT ARGS…} prints when everything is literal: escapes decoded ({@code printf '\x72\x6d'} is
 * {@code rm}), {@code %s}/{@code %b} filled, the format reused while arguments remain. Conversions it does not model
 * ({@code %d}, widths) make the output unknown, so the words it builds stay dynamic.
 */
final class Printf {

    private static final int MAX_ROUNDS = 64;

    private Printf() {
    }

    static Optional<String> format(List<String> args) {
        if (args.isEmpty()) {
            return Optional.of("");
        }
        String format = args.getFirst();
        List<String> values = args.subList(1, args.size());
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int used = 0;
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c != '%') {
                    int end = format.indexOf('%', i);
                    end = end < 0 ? format.length() : end;
                    out.append(AnsiC.unescape(format.substring(i, end)));
                    i = end - 1;
                    continue;
                }
                if (i + 1 >= format.length()) {
                    return Optional.empty();
                }
                char conversion = format.charAt(++i);
                switch (conversion) {
                    case '%' -> out.append('%');
                    case 's', 'b' -> {
                        String v = next < values.size() ? values.get(next) : "";
                        next++;
                        used++;
                        out.append(conversion == 'b' ? AnsiC.unescape(v) : v);
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (used == 0 || next >= values.size()) {
                return Optional.of(out.toString());
            }
        }
        return Optional.empty();
    }
}
