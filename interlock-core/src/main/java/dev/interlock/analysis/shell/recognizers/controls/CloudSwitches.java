package dev.interlock.analysis.shell.recognizers.controls;

import static dev.interlock.analysis.shell.recognizers.controls.Controls.AUDIT_TRAIL;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.ENCRYPTION;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.FIREWALL;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.MFA;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.NETWORK_POLICY;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.PUBLIC_ACCESS_BLOCK;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.THREAT_DETECTION;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.WAF;

import dev.interlock.analysis.shell.Invocation;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The cloud CLIs' commands that switch a security control off: aws, gcloud and az, one table each. */
final class CloudSwitches {

    private CloudSwitches() {
    }

    /** Options of every aws command that never take a value (any other option takes the words after it). */
    private static final Set<String> AWS_BOOLEANS = Set.of("debug", "dry-run", "enable", "version", "help",
            "cli-auto-prompt", "include-management-events");

    /** put-event-selectors that keep no management events: the API calls the trail exists to record. */
    private static final Pattern MANAGEMENT_EVENTS_OFF = Pattern.compile("(?i)IncludeManagementEvents\"?\\s*[:=]\\s*\"?false");
    private static final Pattern ALL_PROTOCOLS = Pattern.compile("(?i)--protocol[= ]+(-1|all)(\\s|$)");

    static final List<Switch> AWS = List.of(
            Switch.of("cloudtrail stop-logging", AUDIT_TRAIL),
            Switch.of("cloudtrail delete-trail", AUDIT_TRAIL),
            Switch.of("cloudtrail put-event-selectors", AUDIT_TRAIL, c -> c.text(MANAGEMENT_EVENTS_OFF)),
            Switch.of("cloudtrail update-trail", AUDIT_TRAIL, c -> c.has("no-enable-log-file-validation", "no-is-multi-region-trail",
                    "no-include-global-service-events")),
            Switch.of("configservice stop-configuration-recorder", AUDIT_TRAIL),
            Switch.of("configservice delete-configuration-recorder", AUDIT_TRAIL),
            Switch.of("configservice delete-delivery-channel", AUDIT_TRAIL),
            Switch.of("ec2 delete-flow-logs", AUDIT_TRAIL),
            Switch.of("guardduty delete-detector", THREAT_DETECTION),
            Switch.of("guardduty update-detector", THREAT_DETECTION, c -> c.has("no-enable")),
            Switch.of("guardduty disassociate-from-master-account", THREAT_DETECTION),
            Switch.of("guardduty disassociate-from-administrator-account", THREAT_DETECTION),
            Switch.of("guardduty disassociate-members", THREAT_DETECTION),
            Switch.of("guardduty stop-monitoring-members", THREAT_DETECTION),
            Switch.of("securityhub disable-security-hub", THREAT_DETECTION),
            Switch.of("securityhub batch-disable-standards", THREAT_DETECTION),
            Switch.of("inspector2 disable", THREAT_DETECTION),
            Switch.of("macie2 disable-macie", THREAT_DETECTION),
            Switch.of("macie2 update-macie-session", THREAT_DETECTION, c -> c.value("status").equalsIgnoreCase("PAUSED")),
            Switch.of("wafv2 disassociate-web-acl", WAF),
            Switch.of("wafv2 delete-web-acl", WAF),
            Switch.of("waf-regional disassociate-web-acl", WAF),
            Switch.of("ec2 authorize-security-group-ingress", FIREWALL, CloudSwitches::awsOpenIngress),
            Switch.of("iam deactivate-mfa-device", MFA),
            Switch.of("iam delete-virtual-mfa-device", MFA),
            Switch.of("s3api delete-public-access-block", PUBLIC_ACCESS_BLOCK),
            Switch.of("s3control delete-public-access-block", PUBLIC_ACCESS_BLOCK),
            Switch.of("ec2 disable-ebs-encryption-by-default", ENCRYPTION));

    private static boolean awsOpenIngress(Command c) {
        String permissions = c.values("ip-permissions");
        boolean world = OpenPorts.world(c.values("cidr", "source-cidr-ip")) || OpenPorts.world(permissions);
        return world && (c.text(ALL_PROTOCOLS) || OpenPorts.admin(c.values("port")) || OpenPorts.adminPermissions(permissions));
    }

    /** Log sinks that carry the audit log to where the security team reads it. */
    private static final Pattern AUDIT_SINK = Pattern.compile("(?i)audit|siem|security|compliance|chronicle|splunk|soc([-_]|$)");

    /** A log filter that selects Cloud Audit Logs: by log name (plain or URL-encoded) or by payload type. */
    private static final Pattern AUDIT_LOGS = Pattern.compile("(?i)cloudaudit(?:\\.|%2E)googleapis(?:\\.|%2E)com|google\\.cloud\\.audit\\.AuditLog");

    private static final Set<String> GCLOUD_BOOLEANS = Set.of("quiet", "q", "async", "help", "h", "disabled", "verbose");

    static final List<Switch> GCLOUD = List.of(
            Switch.of("logging sinks delete", AUDIT_TRAIL, c -> AUDIT_SINK.matcher(c.word(3)).find()),
            Switch.of("logging sinks update", AUDIT_TRAIL, c -> c.has("disabled") && AUDIT_SINK.matcher(c.word(3)).find()),
            // an exclusion matching the audit logs keeps them out of the sink (the _Default one: out of storage), as
            // cloudtrail stop-logging would; one created --disabled excludes nothing yet
            Switch.of("logging sinks update", AUDIT_TRAIL, c -> AUDIT_LOGS.matcher(c.values("add-exclusion")).find()),
            Switch.of("logging exclusions create", AUDIT_TRAIL, c -> !c.has("disabled") && AUDIT_LOGS.matcher(c.values("log-filter")).find()),
            Switch.of("logging exclusions update", AUDIT_TRAIL, c -> !c.has("disabled") && AUDIT_LOGS.matcher(c.values("log-filter")).find()),
            Switch.of("compute firewall-rules create", FIREWALL, CloudSwitches::gcloudOpenIngress),
            Switch.of("compute firewall-rules update", FIREWALL, CloudSwitches::gcloudOpenIngress),
            Switch.of("compute security-policies delete", WAF),
            Switch.of("container clusters update", NETWORK_POLICY, c -> c.has("no-enable-network-policy")),
            Switch.of("services disable", THREAT_DETECTION, c -> c.path().stream().anyMatch(w ->
                    w.startsWith("securitycenter.") || w.startsWith("containerscanning.") || w.startsWith("ondemandscanning."))));

    private static boolean gcloudOpenIngress(Command c) {
        boolean ingress = !c.value("direction").equalsIgnoreCase("EGRESS") && !c.value("action").equalsIgnoreCase("DENY");
        return ingress && OpenPorts.world(c.values("source-ranges")) && (OpenPorts.admin(c.values("allow", "rules")));
    }

    private static final Set<String> AZ_BOOLEANS = Set.of("yes", "y", "no-wait", "debug", "verbose", "only-show-errors",
            "help", "h");

    static final List<Switch> AZ = List.of(
            Switch.of("monitor diagnostic-settings delete", AUDIT_TRAIL),
            Switch.of("security pricing create", THREAT_DETECTION, c -> c.value("tier").equalsIgnoreCase("free")),
            Switch.of("security auto-provisioning-setting update", THREAT_DETECTION, c -> c.value("auto-provision").equalsIgnoreCase("off")),
            Switch.of("network nsg rule create", FIREWALL, CloudSwitches::azOpenIngress),
            Switch.of("network nsg rule update", FIREWALL, CloudSwitches::azOpenIngress),
            Switch.of("network application-gateway waf-policy delete", WAF),
            Switch.of("network front-door waf-policy delete", WAF),
            Switch.of("network firewall delete", FIREWALL));

    private static boolean azOpenIngress(Command c) {
        boolean inbound = !c.value("direction").equalsIgnoreCase("Outbound") && !c.value("access").equalsIgnoreCase("Deny");
        return inbound && OpenPorts.world(c.values("source-address-prefixes", "source-address-prefix"))
                && OpenPorts.admin(c.values("destination-port-ranges", "destination-port-range"));
    }

    static Command aws(Invocation inv) {
        return Command.parse(inv, Set.of(), AWS_BOOLEANS, true);
    }

    static Command gcloud(Invocation inv) {
        Command c = Command.parse(inv, Set.of(), GCLOUD_BOOLEANS, true);
        // gcloud alpha|beta …: a release track, not a command word
        return c.word(0).equals("alpha") || c.word(0).equals("beta") ? new Command(inv, c.path().subList(1, c.path().size()), c.args()) : c;
    }

    static Command az(Invocation inv) {
        return Command.parse(inv, Set.of(), AZ_BOOLEANS, true);
    }
}
