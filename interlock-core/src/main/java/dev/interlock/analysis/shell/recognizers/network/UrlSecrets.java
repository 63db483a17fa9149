package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Credentials written into a URL itself ({@code https://webhook.site/x?k=AKIA…&s=wJalr…}, {@code ?token=ghp_…}): the
 * request hands them to whoever runs the host, and to every log on the way, whatever its method. A vendor's own token
 * sent to that vendor ({@code ghp_…} to {@code api.github.com}) is how it is used, and a presigned URL's access key id
 * ({@code X-Amz-Credential=AKIA…}) is an identifier, not a secret; a value that is only named as a secret
 * ({@code ?token=…}) leaves when the host is a request catcher or paste drop, as a secret variable does.
 */
final class UrlSecrets {

    private UrlSecrets() {
    }

    /** A token format, and the registrable domains of the vendor whose API takes it (none: no API takes it in a URL). */
    private record Format(String what, Pattern pattern, List<String> vendors) {
    }

    private static final List<Format> FORMATS = List.of(
            new Format("an AWS secret access key", Pattern.compile("(?i)secret_?access_?key=[^&#\\s]{16,}"), List.of()),
            new Format("a GitHub token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})"),
                    List.of("github.com", "githubusercontent.com")),
            new Format("a GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"), List.of("gitlab.com")),
            new Format("a Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"), List.of("slack.com")),
            new Format("a Stripe secret key", Pattern.compile("\\b[rs]k_live_[A-Za-z0-9]{20,}"), List.of("stripe.com")),
            new Format("a private key", Pattern.compile("-----BEGIN[ +A-Z]*PRIVATE[ +]KEY-----"), List.of()));
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b");
    /** The 40 characters of an AWS secret access key, standing alone in the URL. */
    private static final Pattern SECRET_KEY_BODY = Pattern.compile("(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)[?&;](?:[a-z0-9]+_)*(?:password|passwd|secret|token|api_?key|apikey|private_?key)=([^&#\\s]{16,})");

    /** The credentials {@code url} carries, sent to its host; empty when it carries none or goes nowhere else. */
    static Optional<Operation> sent(Invocation inv, String url) {
        if (url.length() < 24) {
            return Optional.empty(); // no URL with a host and a credential in it is this short
        }
        String host = Hosts.of(url);
        if (host.isEmpty() || Hosts.loopback(host)) {
            return Optional.empty();
        }
        String text = decoded(url);
        return carried(text, host).map(what -> NetworkRecognizer.exfiltration("credentials", what, host, inv.evidence(), Map.of())
                .toBuilder().note("sends " + what + ", written into the URL, to " + host).build());
    }

    private static Optional<String> carried(String text, String host) {
        for (Format f : FORMATS) {
            if (f.pattern().matcher(text).find() && f.vendors().stream().noneMatch(v -> below(host, v))) {
                return Optional.of(f.what());
            }
        }
        // a presigned URL names its access key id beside a signature, which is the point of presigning
        if (!text.contains("X-Amz-Credential=") && !text.contains("AWSAccessKeyId=") && ACCESS_KEY_ID.matcher(text).find()
                && SECRET_KEY_BODY.matcher(text).find()) {
            return Optional.of("an AWS access key and its secret");
        }
        if (DropHosts.drop(host)) {
            if (NAMED_SECRET.matcher(text).find()) {
                return Optional.of("a value named as a secret");
            }
        }
        return Optional.empty();
    }

    private static boolean below(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    /** The URL with its percent-escapes undone ({@code %2F} in a key, {@code %20} in a PEM header); as given when malformed. */
    private static String decoded(String url) {
        if (url.indexOf('%') < 0 && url.indexOf('+') < 0) {
            return url;
        }
        try {
            // '+' is a key character, not a space, in the secrets we look for
            return java.net.URLDecoder.decode(url.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return url;
        }
    }
}
