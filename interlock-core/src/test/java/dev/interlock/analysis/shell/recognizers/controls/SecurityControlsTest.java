package dev.interlock.analysis.shell.recognizers.controls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityControlsTest {

    /** The control marked on a change the program's recognizer would have made, or empty. */
    private static Optional<String> control(Verb verb, String type, String name, String program, String... args) {
        Operation op = Operation.builder("x", verb).resource(type, name).build();
        List<Operation> marked = SecurityControls.mark(Invocation.of(program, args), List.of(op));
        return Optional.ofNullable(marked.getFirst().resource().locators().get(SecurityControls.LOCATOR));
    }

    @Test
    void cloudCommandsByTheirWordsAndConditions() {
        assertThat(control(Verb.UPDATE, "logging", "main", "aws", "--profile", "stg", "cloudtrail", "stop-logging", "--name", "main"))
                .contains("audit-trail");
        assertThat(control(Verb.UPDATE, "detector", "d", "aws", "guardduty", "update-detector", "--detector-id", "d", "--no-enable"))
                .contains("threat-detection");
        assertThat(control(Verb.UPDATE, "detector", "d", "aws", "guardduty", "update-detector", "--detector-id", "d", "--enable")).isEmpty();
        assertThat(control(Verb.CREATE, "firewall-rule", "r", "gcloud", "beta", "compute", "firewall-rules", "create", "r",
                "--allow", "tcp:22", "--source-ranges", "0.0.0.0/0")).contains("firewall");
        assertThat(control(Verb.CREATE, "pricing", "VirtualMachines", "az", "security", "pricing", "create", "-n", "VirtualMachines",
                "--tier", "Standard")).isEmpty();
    }

    @Test
    void readsAreNeverMarked() {
        assertThat(control(Verb.READ, "trail", "", "aws", "cloudtrail", "stop-logging", "--name", "main")).isEmpty();
    }

    @Test
    void clusterObjectsByKindAndBody() {
        assertThat(control(Verb.DELETE, "networkpolicy", "deny", "kubectl", "-n", "shop", "delete", "networkpolicy", "deny"))
                .contains("network-policy");
        assertThat(control(Verb.UPDATE, "peerauthentication", "default", "kubectl", "patch", "peerauthentication", "default", "-p",
                "{\"spec\":{\"mtls\":{\"mode\":\"DISABLE\"}}}")).contains("mtls");
        assertThat(control(Verb.UPDATE, "peerauthentication", "default", "kubectl", "patch", "peerauthentication", "default", "-p",
                "{\"spec\":{\"mtls\":{\"mode\":\"STRICT\"}}}")).isEmpty();
        assertThat(control(Verb.UPDATE, "deployment", "gatekeeper-controller-manager", "kubectl", "scale", "deploy",
                "gatekeeper-controller-manager", "--replicas=0")).contains("admission-policy");
        assertThat(control(Verb.DELETE, "validatingwebhookconfiguration", "cert-manager-webhook", "kubectl", "delete",
                "validatingwebhookconfiguration", "cert-manager-webhook")).isEmpty();
        assertThat(SecurityControls.manifest("NetworkPolicies", Verb.DELETE, "x", "")).contains("network-policy");
    }

    @Test
    void hostControlsOffButNotOn() {
        assertThat(control(Verb.UPDATE, "settings", "setenforce", "setenforce", "0")).contains("mandatory-access-control");
        assertThat(control(Verb.UPDATE, "settings", "setenforce", "setenforce", "1")).isEmpty();
        assertThat(control(Verb.UPDATE, "service", "auditd", "systemctl", "disable", "--now", "auditd.service")).contains("audit-trail");
        assertThat(control(Verb.UPDATE, "service", "auditd", "systemctl", "restart", "auditd")).isEmpty();
        assertThat(control(Verb.UPDATE, "settings", "iptables", "iptables", "-P", "INPUT", "ACCEPT")).contains("firewall");
        assertThat(control(Verb.UPDATE, "settings", "iptables", "iptables", "-t", "nat", "-F")).isEmpty();
        assertThat(control(Verb.UPDATE, "settings", "ufw", "ufw", "default", "allow", "outgoing")).isEmpty();
    }

    @Test
    void portsOpenToTheWorld() {
        assertThat(OpenPorts.world("10.0.0.0/8")).isFalse();
        assertThat(OpenPorts.world("0.0.0.0/0")).isTrue();
        assertThat(OpenPorts.world("Internet")).isTrue();
        assertThat(OpenPorts.admin("tcp:80,tcp:443")).isFalse();
        assertThat(OpenPorts.admin("0-65535")).isTrue();
        assertThat(OpenPorts.adminPermissions("IpProtocol=tcp,FromPort=3389,ToPort=3389,IpRanges=[{CidrIp=0.0.0.0/0}]")).isTrue();
        assertThat(OpenPorts.adminPermissions("[{\"IpProtocol\":\"tcp\",\"FromPort\":443,\"ToPort\":443}]")).isFalse();
    }
}
