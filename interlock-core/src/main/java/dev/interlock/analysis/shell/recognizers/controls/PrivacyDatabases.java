package dev.interlock.analysis.shell.recognizers.controls;

import static dev.interlock.analysis.shell.recognizers.controls.Controls.PRIVACY_PERMISSIONS;

import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * macOS keeps its privacy consents (Full Disk Access, screen recording, accessibility, camera …) as rows of the
 * {@code access} table in a SQLite file, {@code TCC.db}: the system's under {@code /Library/Application
 * Support/com.apple.TCC/}, each user's under {@code ~/Library/…}. Writing that table grants or withdraws those
 * permissions behind the consent prompt — a security control changed on this machine, not a sandbox database's rows.
 * Reads of it stay reads.
 */
public final class PrivacyDatabases {

    private static final String SUFFIX = "/library/application support/com.apple.tcc/tcc.db";

    private PrivacyDatabases() {
    }

    /** Whether {@code path} (resolved: absolute or {@code ~/…}) is a TCC database; the file name is tested first. */
    public static boolean isPrivacyDatabase(String path) {
        return path.regionMatches(true, Math.max(0, path.length() - 6), "TCC.db", 0, 6)
                && path.toLowerCase(Locale.ROOT).endsWith(SUFFIX);
    }

    /** The operations on the database at {@code path}, its changes as the security-control change they are. */
    public static List<Operation> mark(List<Operation> ops, String path) {
        if (!isPrivacyDatabase(path)) {
            return ops;
        }
        List<Operation> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            if (op.verb() == Verb.READ || !op.system().equals("database")) {
                out.add(op);
                continue;
            }
            out.add(Operation.builder("os", Verb.UPDATE).resource("security-control", path).locator("path", path)
                    .locator("table", op.resource().name()).locator(SecurityControls.LOCATOR, PRIVACY_PERMISSIONS)
                    .confidence(op.confidence()).reversible(true).evidence(op.evidence())
                    .environment(Tier.LOCAL, "macOS's privacy database on this machine")
                    .note(op.verb().name().toLowerCase(Locale.ROOT) + " in " + op.resource().name()
                            + " of macOS's privacy database grants or withdraws apps' privacy permissions behind the consent prompt")
                    .build());
        }
        return out;
    }
}
