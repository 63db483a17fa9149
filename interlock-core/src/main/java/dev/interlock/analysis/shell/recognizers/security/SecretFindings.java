package dev.interlock.analysis.shell.recognizers.security;

import dev.interlock.model.Operation;
import java.util.Optional;

/**
 * How a scanner's operation says where its unredacted findings go, so that the shell analysis can follow them: the
 * locator {@code prints} ({@code secrets}: standard output carries them) and {@code report} (the file it writes them to).
 * Findings kept here are routine; findings published (a gist, a pushed commit, an upload) are secrets leaving.
 */
public final class SecretFindings {

    static final String PRINTS = "prints";
    static final String REPORT = "report";
    static final String SCANNER = "scanner";

    private SecretFindings() {
    }

    /** True when the operation's standard output carries secrets in clear. */
    public static boolean printed(Operation op) {
        return op.resource().locator(PRINTS).equals("secrets");
    }

    /** The file, as written on the command line, the operation writes unredacted findings to. */
    public static Optional<String> report(Operation op) {
        return Optional.of(op.resource().locator(REPORT)).filter(r -> !r.isEmpty() && !r.equals("-"));
    }

    /** What the file or output of the operation holds: {@code the unredacted findings of gitleaks}. */
    public static String what(Operation op) {
        return "the unredacted findings of " + op.resource().locator(SCANNER);
    }

    /** Marks a scan's findings as unredacted: on standard output unless they go to {@code report}, and in that file. */
    static Operation.Builder unredacted(Operation.Builder b, String scanner, Optional<String> report, boolean alsoPrinted) {
        b.locator(SCANNER, scanner);
        report.ifPresent(r -> b.locator(REPORT, r));
        if (report.isEmpty() || report.get().equals("-") || alsoPrinted) {
            b.locator(PRINTS, "secrets");
        }
        return b;
    }
}
