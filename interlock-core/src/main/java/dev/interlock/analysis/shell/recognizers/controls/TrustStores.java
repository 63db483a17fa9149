package dev.interlock.analysis.shell.recognizers.controls;

import dev.interlock.analysis.shell.Invocation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The certificate stores this machine trusts: adding a root or CA there (an interception proxy's CA) lets whoever holds
 * its key read and forge TLS for every program; deleting one from them (or a certificate from the Disallowed store)
 * changes that trust machine-wide. Other stores ({@code My}, a service's own) are ordinary changes.
 */
final class TrustStores {

    private TrustStores() {
    }

    /** Windows stores of trust anchors, lower case (and Disallowed, whose entries a deletion trusts again). */
    private static final Set<String> ANCHORS = Set.of("root", "ca", "authroot", "trustedpublisher", "trustedpeople", "disallowed");

    static Set<String> programs() {
        return Set.of("certutil", "certutil.exe");
    }

    static Optional<String> control(Invocation inv) {
        List<String> words = inv.words();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).toLowerCase(Locale.ROOT).replaceFirst("^/", "-");
            if (w.equals("-addstore") || w.equals("-delstore")) {
                return words.subList(i + 1, words.size()).stream().filter(s -> !s.startsWith("-")).findFirst()
                        .filter(s -> ANCHORS.contains(s.toLowerCase(Locale.ROOT))).map(s -> Controls.TRUST_STORE);
            }
            // NSS: -A with trust flags that make it a CA for TLS, mail or code (-t "C,," / "CT,C,C")
            if (words.get(i).equals("-A") && words.contains("-t")) {
                int t = words.indexOf("-t");
                return t + 1 < words.size() && words.get(t + 1).matches(".*[CT].*") ? Optional.of(Controls.TRUST_STORE) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
