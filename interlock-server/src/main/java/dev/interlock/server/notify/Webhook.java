package dev.interlock.server.notify;

import java.net.URI;

/** Where to tell an approver group that something waits for it; {@code group} {@code *} hears every approval. */
public record Webhook(String group, URI url) {

    /** Parses {@code GROUP=URL} as given on the command line. */
    public static Webhook parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("a webhook is GROUP=URL (e.g. sre=https://hooks.slack.com/services/…), not '" + spec + "'");
        }
        URI url = URI.create(spec.substring(eq + 1));
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("webhook URL must be http or https: " + url);
        }
        String group = spec.substring(0, eq).trim();
        return new Webhook(group.startsWith("group:") ? group.substring("group:".length()) : group, url);
    }
}
