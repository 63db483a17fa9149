package dev.interlock.analysis.shell.recognizers.controls;

import static dev.interlock.analysis.shell.recognizers.controls.Controls.AUDIT_TRAIL;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.AUTHENTICATION;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Elasticsearch and OpenSearch settings that switch their security off: the security plugin's audit log
 * ({@code plugins.security.audit.type: noop}, {@code xpack.security.audit.enabled: false}, the audit configuration
 * API's {@code "enabled": false}) and the security plugin itself ({@code xpack.security.enabled: false},
 * {@code plugins.security.disabled: true}: no authentication, no authorization).
 */
final class SearchSwitches {

    private SearchSwitches() {
    }

    private record Row(Pattern setting, String control) {
    }

    /** Dotted setting names as cluster settings take them, with the value that switches the control off. */
    private static final List<Row> SETTINGS = List.of(
            new Row(setting("(?:plugins\\.security|opendistro_security)\\.audit\\.type", "noop"), AUDIT_TRAIL),
            new Row(setting("xpack\\.security\\.audit\\.enabled", "false"), AUDIT_TRAIL),
            new Row(setting("(?:plugins\\.security|opendistro_security)\\.audit\\.config\\.(?:enabled|enable_rest|enable_transport)", "false"), AUDIT_TRAIL),
            new Row(setting("xpack\\.security\\.enabled", "false"), AUTHENTICATION),
            new Row(setting("(?:plugins\\.security|opendistro_security)\\.disabled", "true"), AUTHENTICATION));
    /** The security plugin's audit configuration API: {@code PUT _plugins/_security/api/audit/config {"enabled": false}}. */
    private static final Pattern AUDIT_OFF = Pattern.compile("\"(?:enabled|enable_rest)\"\\s*:\\s*false");

    private static Pattern setting(String name, String value) {
        return Pattern.compile("(?i)" + name + "[\"']?\\s*[:=]\\s*[\"']?" + value + "\\b");
    }

    /** The control a settings request to {@code path} with {@code body} switches off, if it does. */
    static Optional<String> control(String path, String body) {
        if (path.contains("/_security/api/audit")) {
            return AUDIT_OFF.matcher(body).find() ? Optional.of(AUDIT_TRAIL) : Optional.empty();
        }
        if (!body.contains("security")) {
            return Optional.empty(); // most settings changes (allocation, watermarks) name no security setting at all
        }
        return SETTINGS.stream().filter(r -> r.setting().matcher(body).find()).map(Row::control).findFirst();
    }
}
