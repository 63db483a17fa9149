package dev.interlock.analysis.shell.recognizers.cms;

import dev.interlock.analysis.shell.recognizers.controls.SecurityControls;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plugins and modules that are a site's security controls — a web application firewall, two-factor login, login
 * throttling, the audit log — so that deactivating or uninstalling one is marked as switching that control off
 * ({@link SecurityControls#LOCATOR}), like a cloud firewall rule taken away.
 */
final class SiteControls {

    private SiteControls() {
    }

    /** Extension names (lower case; a trailing {@code *} matches a family) and the control each is. */
    private static final Map<String, String> CONTROLS = Map.ofEntries(
            // WordPress plugins
            Map.entry("wordfence", "waf"), Map.entry("all-in-one-wp-security-and-firewall", "waf"), Map.entry("ninjafirewall", "waf"),
            Map.entry("sucuri-scanner", "waf"), Map.entry("better-wp-security", "waf"), Map.entry("ithemes-security-pro", "waf"),
            Map.entry("two-factor", "mfa"), Map.entry("wp-2fa", "mfa"), Map.entry("two-factor-authentication", "mfa"),
            Map.entry("google-authenticator", "mfa"), Map.entry("limit-login-attempts-reloaded", "login-throttling"),
            Map.entry("wp-security-audit-log", "audit-trail"), Map.entry("simple-history", "audit-trail"),
            // Drupal modules
            Map.entry("tfa", "mfa"), Map.entry("seckit", "waf"), Map.entry("captcha", "captcha"), Map.entry("recaptcha", "captcha"),
            Map.entry("flood_control", "login-throttling"),
            // Magento modules
            Map.entry("magento_twofactorauth", "mfa"), Map.entry("magento_recaptcha*", "captcha"),
            Map.entry("magento_securitypackage", "waf"), Map.entry("magento_adminadobeims", "mfa"));

    /** The words, per CLI, of commands that switch an extension off. */
    private static final Map<String, Set<String>> SWITCH_OFF = Map.of(
            "wp", Set.of("plugin deactivate", "plugin delete", "plugin uninstall"),
            "drush", Set.of("pm uninstall"),
            "magento", Set.of("module disable", "module uninstall"));

    /** The operation, marked when its command switches a security extension off. */
    static Operation marked(Operation op, String cli, List<String> command) {
        Set<String> off = SWITCH_OFF.getOrDefault(cli, Set.of());
        for (int n = 1; n <= Math.min(2, command.size()); n++) {
            if (off.contains(String.join(" ", command.subList(0, n)))) {
                for (String extension : command.subList(n, command.size())) {
                    String control = control(extension.toLowerCase(Locale.ROOT));
                    if (control != null) {
                        return SecurityControls.marked(op, control);
                    }
                }
            }
        }
        return op;
    }

    private static String control(String extension) {
        String exact = CONTROLS.get(extension);
        if (exact != null) {
            return exact;
        }
        return CONTROLS.entrySet().stream().filter(e -> e.getKey().endsWith("*")
                && extension.startsWith(e.getKey().substring(0, e.getKey().length() - 1))).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
