package dev.interlock.analysis.shell.recognizers.identity;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Identity providers and directories, one table each: LDAP's client tools, Google Workspace's {@code gam}, FreeIPA's
 * {@code ipa} and its server tools, Samba's {@code ldb*} tools (LDAP's shape, on a directory file), Teleport's {@code tctl} and {@code tsh}, HashiCorp Boundary, the {@code auth0} CLI and Keycloak's {@code kcadm.sh}. Their changes decide who
 * may log in with which rights, so group memberships, roles and rules are grants, and printed secrets are credential
 * reads; lookups only read.
 */
public final class DirectoryAdmin implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("ldapmodify", "ldapadd", "ldapdelete", "ldapmodrdn", "ldappasswd", "ldapsearch", "ldapwhoami",
                "ldapcompare", "ldapexop", "ldbsearch", "ldbmodify", "ldbadd", "ldbdel", "ldbrename", "ldbedit", "gam", "ipa", "ipa-getkeytab", "tctl", "tsh", "boundary", "auth0", "kcadm.sh", "kcadm", "ipa-healthcheck", "ipactl",
                "ipa-replica-manage", "ipa-csreplica-manage");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        // ipa-healthcheck runs every check with no words at all
        if (words.isEmpty() && !inv.program().equals("ipa-healthcheck") || words.contains("--help") || words.equals(List.of("--version")) || words.equals(List.of("version"))) {
            return List.of();
        }
        return switch (inv.program()) {
            case "gam" -> Gam.recognize(inv);
            case "ipa", "ipa-getkeytab", "ipa-healthcheck", "ipactl", "ipa-replica-manage", "ipa-csreplica-manage" -> FreeIpa.recognize(inv);
            case "tctl" -> Teleport.recognize(inv);
            case "tsh" -> TeleportClient.recognize(inv);
            case "boundary" -> Boundary.recognize(inv);
            case "auth0" -> Auth0.recognize(inv);
            case "kcadm.sh", "kcadm" -> Keycloak.recognize(inv);
            default -> Ldap.recognize(inv);
        };
    }

    /**
     * The operation of {@code act} on {@code name}, on the server the command line names ({@code ""} for the tool's
     * configured default), with the locators a wrapper (ssh, kubectl exec) carried.
     */
    public static Operation operation(Invocation inv, String system, Act act, String name, String host) {
        Operation.Builder b = act.operation(inv, system, name);
        // In a container named for an environment (docker exec keycloak-prod …, samba-dc-dev …) the server it reaches
        // without naming one, or on localhost, is that container's: its name places it, not the local daemon's host.
        String container = inv.locators().getOrDefault("container", "");
        boolean deployed = !container.isEmpty() && (DeploymentWords.named(container)
                || DeploymentWords.development(container).isPresent()) && (host.isEmpty() || Hosts.loopback(host));
        if (deployed) {
            b.locator("host", container);
        } else if (!host.isEmpty()) {
            b.locator("host", host);
        }
        inv.locators().forEach((kind, value) -> {
            if (!(deployed && kind.equals("host"))) {
                b.locator(kind, value);
            }
        });
        return b.build();
    }
}
