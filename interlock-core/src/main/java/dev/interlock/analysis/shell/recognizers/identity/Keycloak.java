package dev.interlock.analysis.shell.recognizers.identity;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keycloak's admin CLI {@code kcadm.sh VERB PATH}: {@code get} reads, except a client's secret (the
 * {@code client-secret} endpoint, an adapter installation file, or {@code --fields} asking for it); creating a
 * client-secret regenerates and prints it; role assignments are grants; {@code set-password} sets a password;
 * {@code config credentials} is the CLI's own sign-in on this machine.
 */
final class Keycloak {

    private Keycloak() {
    }

    static List<Operation> recognize(Invocation inv) {
        var p = inv.parse(Set.of("-r", "--target-realm", "--server", "--realm", "-q", "--query", "--fields", "-s", "--set",
                "-f", "--file", "--uusername", "--uid", "--gname", "--gid", "--rname", "--cclientid", "--cid", "--rolename",
                "--roleid", "--username", "--userid", "--new-password", "-p", "--password", "--user", "--client", "--secret",
                "--config", "--offset", "--limit", "--format", "-o", "--truststore", "--trustpass"));
        List<String> words = p.words();
        String verb = words.isEmpty() ? "" : words.getFirst().toLowerCase(Locale.ROOT); // kcadm.sh -- PATH: no command
        String path = words.size() > 1 ? words.get(1) : "";
        String realm = p.value("-r", "--target-realm").orElse("");
        String name = realm.isEmpty() ? path : realm + "/" + path;
        boolean secretPath = path.contains("client-secret") || path.contains("/installation/");
        Act act = switch (verb) {
            case "get" -> secretPath || p.value("--fields").filter(f -> f.toLowerCase(Locale.ROOT).contains("secret")).isPresent()
                    ? credential("client-secret").note("prints a client's secret") : read(type(path));
            case "get-roles" -> read("role");
            case "create" -> secretPath ? credential("client-secret").note("regenerates a client's secret and prints it") : create(type(path));
            case "update" -> update(type(path));
            case "delete" -> delete(type(path));
            case "add-roles", "remove-roles" -> grant("role").note("changes the roles a user, group or client holds");
            case "set-password" -> update("password").note("sets a user's password");
            default -> update(type(path));
        };
        Operation op = DirectoryAdmin.operation(inv, "keycloak", act, name, p.value("--server").map(s -> s.replaceFirst("^\\w+://", "").replaceFirst("[:/].*", "")).orElse(""));
        if (verb.equals("config")) {
            op = LocalFiles.local(inv, op.toBuilder(), "the CLI's own sign-in on this machine").build();
        }
        return List.of(op);
    }

    /** The kind of resource a path names: {@code users/ID} → users. */
    private static String type(String path) {
        String[] parts = path.split("/");
        return parts.length == 0 || parts[0].isEmpty() ? "realm" : parts[0];
    }
}
