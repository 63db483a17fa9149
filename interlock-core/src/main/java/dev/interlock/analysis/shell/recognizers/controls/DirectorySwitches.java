package dev.interlock.analysis.shell.recognizers.controls;

import static dev.interlock.analysis.shell.recognizers.controls.Controls.PASSWORD_POLICY;

import dev.interlock.analysis.shell.Invocation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A directory's password policy weakened: Samba's {@code samba-tool domain passwordsettings set} (and its PSOs) with
 * complexity off, plaintext storage on, no history, a short minimum length or no lockout; FreeIPA's
 * {@code ipa pwpolicy-mod} with a short minimum length, no history or no lockout. Tightening the same settings, or
 * showing them, is not switching a control off.
 */
final class DirectorySwitches {

    private DirectorySwitches() {
    }

    /** Below this, a minimum length no longer holds off guessing (NIST SP 800-63B asks for at least 8). */
    private static final int SHORT = 8;

    private static Predicate<String> below(int limit) {
        return v -> v.matches("\\d+") && Integer.parseInt(v) < limit;
    }

    /** Per tool: option → the values that weaken the policy. */
    private static final Map<String, Map<String, Predicate<String>>> WEAKENING = Map.of(
            "samba-tool", Map.of(
                    "--complexity", v -> v.equalsIgnoreCase("off"),
                    "--store-plaintext", v -> v.equalsIgnoreCase("on"),
                    "--history-length", below(1),
                    "--min-pwd-length", below(SHORT),
                    "--account-lockout-threshold", below(1)),
            "ipa", Map.of(
                    "--minlength", below(SHORT),
                    "--history", below(1),
                    "--maxfail", below(1)));

    static Set<String> programs() {
        return WEAKENING.keySet();
    }

    static Optional<String> control(Invocation inv) {
        List<String> words = inv.words();
        String line = String.join(" ", words);
        boolean policy = switch (inv.program()) {
            case "samba-tool" -> line.startsWith("domain passwordsettings set") || line.startsWith("domain passwordsettings pso create")
                    || line.startsWith("domain passwordsettings pso set");
            case "ipa" -> !words.isEmpty() && words.getFirst().equals("pwpolicy-mod");
            default -> false;
        };
        if (!policy) {
            return Optional.empty();
        }
        Map<String, Predicate<String>> options = WEAKENING.get(inv.program());
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            int eq = word.indexOf('=');
            String option = (eq > 0 ? word.substring(0, eq) : word).toLowerCase(Locale.ROOT);
            String value = eq > 0 ? word.substring(eq + 1) : i + 1 < words.size() ? words.get(i + 1) : "";
            Predicate<String> weak = options.get(option);
            if (weak != null && weak.test(value.strip())) {
                return Optional.of(PASSWORD_POLICY);
            }
        }
        return Optional.empty();
    }
}
