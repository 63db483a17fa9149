package dev.interlock.analysis.shell.recognizers.controls;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splunk's audit index ({@code _audit}, and indexes named for audit records): it is the audit trail of everyone's
 * searches and logins, so erasing its events ({@code | delete}, {@code splunk clean eventdata -index _audit}) or cutting
 * how long it keeps them in {@code indexes.conf} switches the audit trail off, as deleting a CloudTrail trail does.
 */
public final class AuditIndexes {

    private AuditIndexes() {
    }

    /** {@code _audit}, every internal index ({@code _*}), or an index whose name says it holds audit records. */
    private static final Pattern AUDIT_INDEX = Pattern.compile("(?i)_audit|_\\*|[\\w.-]*audit[\\w.-]*");
    /** A stanza header and the lines up to the next one. */
    private static final Pattern STANZA = Pattern.compile("(?m)^\\s*\\[([^\\]]+)\\]\\s*$([^\\[]*)");
    /**
     * Retention settings below Splunk's own defaults (about six years, 500 GB): events older or beyond the cap are
     * frozen, which deletes them unless an archive is configured.
     */
    private static final Pattern AGE = Pattern.compile("(?m)^\\s*frozenTimePeriodInSecs\\s*=\\s*(\\d+)");
    private static final Pattern SIZE = Pattern.compile("(?m)^\\s*(?:maxTotalDataSizeMB|homePath\\.maxDataSizeMB|coldPath\\.maxDataSizeMB)\\s*=\\s*(\\d+)");
    private static final long DEFAULT_AGE = 188_697_600L;
    private static final long DEFAULT_SIZE = 500_000L;

    /** The control taken away when the events of {@code index} are erased (an index pattern as a search names it). */
    public static Optional<String> erased(String index) {
        return AUDIT_INDEX.matcher(index).matches() ? Optional.of(Controls.AUDIT_TRAIL) : Optional.empty();
    }

    /** Whether an {@code indexes.conf}'s text keeps an audit index's events for less time or space than Splunk's defaults. */
    static boolean retentionCut(String text) {
        Matcher stanza = STANZA.matcher(text);
        while (stanza.find()) {
            if (erased(stanza.group(1).strip()).isPresent() && (below(AGE, stanza.group(2), DEFAULT_AGE) || below(SIZE, stanza.group(2), DEFAULT_SIZE))) {
                return true;
            }
        }
        return false;
    }

    private static boolean below(Pattern setting, String body, long floor) {
        Matcher m = setting.matcher(body);
        while (m.find()) {
            if (m.group(1).length() < 12 && Long.parseLong(m.group(1)) < floor) {
                return true;
            }
        }
        return false;
    }
}
