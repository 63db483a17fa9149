package dev.interlock.analysis.shell.recognizers.controls;

import static dev.interlock.analysis.shell.recognizers.controls.Controls.AUDIT_TRAIL;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.AUTHENTICATION;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.AUTHORIZATION_POLICY;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.MAC;

import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A security control's own configuration file written so that the control is off at its next start or reload: SELinux
 * ({@code SELINUX=disabled|permissive} in {@code /etc/selinux/config}), the kernel's boot switches in
 * {@code /etc/default/grub} ({@code selinux=0}, {@code enforcing=0}, {@code apparmor=0}, {@code audit=0}), audit rules
 * ending in {@code -e 0}, Consul's and Nomad's ACLs ({@code acl { enabled = false }} or a default policy of
 * {@code allow}), a ClickHouse user with an empty password open to every network or allowed to manage access (users.xml,
 * users.d). The same as {@code setenforce 0} or {@code auditctl -e 0}, only later. Settings that weaken nothing
 * (Vault's {@code disable_mlock}, an ACL turned on) are not marked. A control-plane component's flags in a static pod
 * manifest under {@code /etc/kubernetes/} ({@code --authorization-mode=AlwaysAllow}, {@code --anonymous-auth=true}) switch
 * the cluster's authorization or authentication off as soon as the kubelet restarts the pod. A log shipper's config
 * (Fluent Bit, Vector, an OpenTelemetry Collector, …) under {@code /etc/} or a prod/staging deploy path whose filter drops
 * sshd, sudo, PAM or audit records stops the audit trail at the shipper. Splunk's {@code indexes.conf} keeping its
 * audit index for less than Splunk's defaults ({@link AuditIndexes}) freezes the trail away. Only the path's directory is
 * tested first, so other files cost one prefix check.
 */
public final class ControlFiles {

    private static final Pattern SELINUX = Pattern.compile("(?i)\\bSELINUX\\s*=\\s*[\"']?(disabled|permissive)\\b");
    private static final Pattern BOOT_SWITCH = Pattern.compile("\\b(selinux|enforcing|apparmor|audit)=0\\b");
    private static final Pattern AUDIT_OFF = Pattern.compile("^\\s*-e\\s*0\\b");
    /** An {@code acl} block (HCL or JSON) that is switched off or lets every request through. */
    private static final Pattern ACL_OFF = Pattern.compile("(?s)\\bacl\"?\\s*[:=]?\\s*\\{[^}]*?\\b(?:enabled\"?\\s*[=:]\\s*\"?false"
            + "|default_policy\"?\\s*[=:]\\s*\"allow\")|\\bacl_default_policy\"?\\s*[=:]\\s*\"allow\"");
    private static final String ACL = "acl";
    /** A Kubernetes component's flag that lets every request through: AlwaysAllow anywhere in its authorizer list. */
    private static final Pattern K8S_AUTHZ_OFF = Pattern.compile("--authorization-mode[=\\s\"']+[\\w,]*\\bAlwaysAllow\\b");
    private static final Pattern K8S_ANONYMOUS = Pattern.compile("--anonymous-auth[=\\s\"']+true\\b");
    private static final String K8S_AUDIT_API = "audit.k8s.io";
    private static final Pattern K8S_POLICY = Pattern.compile("\"?\\bkind\"?\\s*:\\s*[\"']?Policy\\b");
    /** A rule's level, in YAML or JSON; an audit policy whose rules are all {@code None} records nothing. */
    private static final Pattern LEVEL = Pattern.compile("\"?\\blevel\"?\\s*:\\s*[\"']?(\\w+)");

    private ControlFiles() {
    }

    /**
     * The control that {@code text} — a file's new content, or the script of an in-place edit — switches off in the file
     * at {@code path} (absolute), if any.
     */
    public static Optional<String> disabled(String path, String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        // recognized by content wherever it lies: the API server is pointed at whatever file holds it
        if (text.contains(K8S_AUDIT_API) && k8sAuditOff(text)) {
            return Optional.of(AUDIT_TRAIL);
        }
        if (path.endsWith(".xml") && (path.contains("/users.d/") || path.endsWith("/users.xml"))) {
            return clickhouseOpenUser(text) ? Optional.of(Controls.AUTHENTICATION) : Optional.empty();
        }
        if (shipperConfig(path) && (path.startsWith("/etc/") || SHARED_DEPLOY.matcher(path).find()) && dropsAuthRecords(text)) {
            return Optional.of(AUDIT_TRAIL);
        }
        if (path.endsWith("/indexes.conf")) {
            // a Splunk app's or the server's indexes, wherever the app is kept before it is deployed
            return AuditIndexes.retentionCut(text) ? Optional.of(AUDIT_TRAIL) : Optional.empty();
        }
        if (!path.startsWith("/etc/")) {
            return Optional.empty();
        }
        if (path.equals("/etc/selinux/config") || path.equals("/etc/sysconfig/selinux")) {
            return anyLine(text, SELINUX) ? Optional.of(MAC) : Optional.empty();
        }
        if (path.equals("/etc/default/grub") || path.startsWith("/etc/default/grub.d/")) {
            return Optional.ofNullable(bootSwitch(text));
        }
        if (path.equals("/etc/audit/audit.rules") || path.startsWith("/etc/audit/rules.d/")) {
            return anyLine(text, AUDIT_OFF) ? Optional.of(AUDIT_TRAIL) : Optional.empty();
        }
        if (path.startsWith("/etc/consul.d/") || path.startsWith("/etc/consul/") || path.startsWith("/etc/nomad.d/")
                || path.startsWith("/etc/nomad/")) {
            return ACL_OFF.matcher(text).find() ? Optional.of(ACL) : Optional.empty();
        }
        if (path.startsWith("/etc/kubernetes/")) {
            return anyLine(text, K8S_AUTHZ_OFF) ? Optional.of(AUTHORIZATION_POLICY)
                    : anyLine(text, K8S_ANONYMOUS) ? Optional.of(AUTHENTICATION) : Optional.empty();
        }
        return Optional.empty();
    }

    private static final List<String> SHIPPERS = List.of("fluent-bit", "fluentbit", "td-agent", "fluentd", "vector", "otel",
            "opentelemetry", "promtail", "filebeat", "logstash", "datadog", "alloy");
    /** A directory of what is deployed to a shared environment: deploy/prod/…, overlays/production/…, envs/staging/…. */
    private static final Pattern SHARED_DEPLOY = Pattern.compile("(?i)/(prod|production|prd|live|staging|stg)(-[\\w.-]+)?/");
    /** A filter that excludes or drops records, followed (in the same rule) by the names of auth and audit sources. */
    private static final Pattern DROPS_AUTH = Pattern.compile("(?is)(\\b(exclude|drop|discard|dropped)\\b|!\\s*(contains|match|starts_with|includes)"
            + "|!=|!~)[^\\n]*(\\n[^\\n]*){0,4}?\\b(sshd|sudo|pam_\\w+|pam|auditd?|authpriv|auth\\.log|auth|secure)\\b");

    /** A log shipper's or collector's config, by a directory or file name (a cheap test before any pattern). */
    private static boolean shipperConfig(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        for (String s : SHIPPERS) {
            if (p.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** A filter dropping sshd, sudo, PAM or audit records: the host's audit trail stops at the shipper. */
    private static boolean dropsAuthRecords(String text) {
        return DROPS_AUTH.matcher(withoutComments(text)).find();
    }

    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.stripLeading().startsWith("#")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static final Pattern EMPTY_PASSWORD = Pattern.compile("<password\\s*/>|<password>\\s*</password>|<no_password\\s*/?>");
    private static final Pattern ANY_NETWORK = Pattern.compile("<ip>\\s*(?:::/0|0\\.0\\.0\\.0/0|::)\\s*</ip>|<host_regexp>\\s*\\.\\*\\s*</host_regexp>");
    private static final Pattern ACCESS_MANAGEMENT = Pattern.compile("<access_management>\\s*1\\s*</access_management>");

    /**
     * A ClickHouse user with no password that anyone on any network may use, or that may manage users and grants
     * itself: the server's authentication is off for that account (ClickHouse's users.xml and users.d/*.xml).
     */
    private static boolean clickhouseOpenUser(String text) {
        return EMPTY_PASSWORD.matcher(text).find()
                && (ANY_NETWORK.matcher(text).find() || ACCESS_MANAGEMENT.matcher(text).find());
    }

    /** The operation that says so: this machine's control, off from its next start (the caller places it). */
    public static Operation.Builder operation(String path, String control) {
        return Operation.builder("os", Verb.UPDATE).resource("security-control", path).locator("path", path)
                .locator(SecurityControls.LOCATOR, control).reversible(true)
                .note("writes " + path + " so that " + control + " is off from its next start or reload"
                        + (path.startsWith("/etc/") ? "" : " where it is applied"));
    }

    /** A Kubernetes audit {@code Policy} with no rule that records anything: every level {@code None}, or no rule at all. */
    private static boolean k8sAuditOff(String text) {
        if (!K8S_POLICY.matcher(text).find()) {
            return false;
        }
        for (String line : text.split("\n")) {
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            var m = LEVEL.matcher(line);
            while (m.find()) {
                if (!m.group(1).equals("None")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A line that is not a comment and matches. */
    private static boolean anyLine(String text, Pattern p) {
        for (String line : text.split("\n")) {
            if (!line.stripLeading().startsWith("#") && p.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    private static String bootSwitch(String text) {
        for (String line : text.split("\n")) {
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            var m = BOOT_SWITCH.matcher(line);
            if (m.find()) {
                return m.group(1).equals("audit") ? AUDIT_TRAIL : MAC;
            }
        }
        return null;
    }
}
