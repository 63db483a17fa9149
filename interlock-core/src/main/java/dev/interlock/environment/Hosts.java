package dev.interlock.environment;

import java.util.Locale;

/**
 * The host an address names, and whether it is this machine. One reading for every tool's URL, endpoint or
 * {@code host:port}: the host is what follows any user info, so {@code http://localhost:80@evil.example} is evil.example.
 */
public final class Hosts {
    private Hosts() {}

    /**
     * {@code https://user@nomad.prod:4646/v1} → nomad.prod; {@code [::1]:8080} → ::1; {@code unix:///run/x.sock} →
     * localhost. Lower case; empty when there is none.
     */
    public static String of(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String a = address.trim();
        if (a.startsWith("unix:") || a.startsWith("npipe:")) {
            return "localhost";
        }
        if (a.startsWith("jdbc:")) {
            a = a.substring(5); // jdbc:postgresql://host/db: the driver's URL after the JDBC prefix
        }
        int scheme = a.indexOf("://");
        if (scheme > 0 && a.substring(0, scheme).matches("[a-zA-Z][a-zA-Z0-9+.-]*")) {
            a = a.substring(scheme + 3);
        }
        int end = firstOf(a, "/?#");
        a = end >= 0 ? a.substring(0, end) : a;
        a = a.substring(a.lastIndexOf('@') + 1);
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            a = close > 0 ? a.substring(1, close) : a.substring(1);
        } else if (a.indexOf(':') == a.lastIndexOf(':') && a.indexOf(':') >= 0) {
            a = a.substring(0, a.indexOf(':')); // host:port; two or more colons is a bare IPv6 address
        }
        return a.toLowerCase(Locale.ROOT);
    }

    /**
     * The host without a public top-level domain that is also a tier word: {@code .dev} is Google's public registry
     * ({@code api.epicgames.dev}, {@code web.dev}), so it says nothing about the environment; the labels before it
     * still do ({@code api.staging.corp.dev}). Dropping it can only leave a host less placed, never looser.
     */
    public static String withoutPublicTld(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".dev") && h.length() > 4 ? h.substring(0, h.length() - 4) : h;
    }

    /** A loopback or unspecified address, or a {@code localhost} name: the request stays on this machine. */
    public static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        h = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0.0.0.0")
                || h.endsWith(".localhost");
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
