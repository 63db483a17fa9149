package dev.interlock.analysis.shell.recognizers.identity;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Teleport's admin CLI {@code tctl}. Listings and {@code get} read; users and their roles, access lists and approved
 * access requests are grants (an agent approving an elevation is the escalation Interlock exists to stop); join tokens
 * and signed identities are credentials, listing tokens included, since it prints their values.
 */
final class Teleport {

    private Teleport() {
    }

    private static final CommandTable TABLE = listings(CommandTable.builder())
            .add("", "status version top", read("cluster"))
            .add("users", "ls list", read("user"))
            .add("users", "add", grant("user").note("creates a user with the roles and logins given"))
            .add("users", "update", grant("user").note("changes a user's roles or logins"))
            .add("users", "rm del", delete("user"))
            .add("users", "reset", update("user").note("resets the user's password and second factors"))
            .add("request", "ls list get", read("access-request"))
            .add("request", "approve", grant("access-request").note("approves an access request: someone gains the roles it asks for"))
            .add("request", "deny", update("access-request"))
            .add("request", "create", create("access-request"))
            .add("request", "rm", delete("access-request"))
            .add("tokens", "ls list", credential("join-token").note("prints the join tokens' values"))
            .add("tokens", "add", credential("join-token").note("mints a token that lets a new node or bot join the cluster"))
            .add("tokens", "rm del", delete("join-token"))
            .add("nodes", "ls list", read("node"))
            .add("nodes", "add", credential("join-token").note("mints a token that lets a new node join the cluster"))
            .add("bots", "ls list instances", read("bot"))
            .add("bots", "add", credential("bot").note("creates a bot and prints its join token"))
            .add("bots", "update", grant("bot"))
            .add("bots", "rm", delete("bot"))
            .add("auth", "export", read("certificate-authority"))
            .add("auth", "sign", credential("identity").note("signs a certificate that acts as the user it names"))
            .add("auth", "rotate", update("certificate-authority").note("rotates the cluster's certificate authority"))
            .add("auth", "crl", read("certificate-authority"))
            .add("acl", "ls list get", read("access-list"))
            .add("acl users", "ls list", read("access-list"))
            .add("acl users", "add rm", grant("access-list").note("changes who is a member of an access list"))
            .add("", "get", read("resource"))
            .add("", "create edit", update("resource").note("creates or replaces a cluster resource (roles, connectors, …)"))
            .add("", "rm", delete("resource"))
            .add("", "lock", update("lock"))
            .build();

    /** Resource families whose {@code ls} and {@code status} only list. */
    private static CommandTable.Builder listings(CommandTable.Builder b) {
        for (String family : "apps db kube windows_desktops desktop inventory alerts devices sso plugins locks".split(" ")) {
            b.add(family, "ls list status", read(family));
        }
        return b;
    }

    private static final Placement AUTH_SERVER = Placement.of("host", "--auth-server");

    static List<Operation> recognize(Invocation inv) {
        var p = inv.parse(Set.of("--auth-server", "--config", "-c", "--identity", "-i", "--format", "--roles", "--logins",
                "--type", "--ttl", "--reason", "--user", "--out", "-o", "--labels", "--set-roles", "--set-logins"));
        List<String> words = p.words();
        var found = TABLE.findOrGuess(words, Math.min(2, words.size()), "resource");
        CommandTable.Act act = found.act();
        String name = found.name(words);
        if (found.command().equals("get")) {
            // tokens and CAs with --with-secrets print the secrets themselves
            if (p.has("--with-secrets") || name.startsWith("token")) {
                act = credential("resource").note("prints secret values");
            }
        }
        if (found.command().equals("auth export") && p.has("--keys")) {
            act = credential("certificate-authority").note("exports the CA's private keys");
        }
        return List.of(DirectoryAdmin.operation(inv, "teleport", act, name, AUTH_SERVER.target(inv, p).orElse("")));
    }
}
