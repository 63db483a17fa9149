package dev.interlock.analysis.shell.recognizers.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ingress opened to the whole internet on a port used to administer a machine or reach a data store (SSH, RDP, WinRM,
 * the Docker and Kubernetes APIs, databases): the firewall's job, switched off for that port. A web port open to the
 * world is what a load balancer is for and is not one.
 */
final class OpenPorts {

    private static final int[] ADMIN = {22, 23, 2375, 2376, 3306, 3389, 5432, 5900, 5985, 5986, 6379, 6443, 9200, 1433, 27017, 11211};

    private static final Pattern WORLD = Pattern.compile("(^|[^0-9.])(0\\.0\\.0\\.0/0|::/0)($|[^0-9])|(?i)^(\\*|internet|any)$");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,5})(?:\\s*[-:]\\s*(\\d{1,5}))?");
    private static final Pattern FROM = Pattern.compile("(?i)FromPort\"?\\s*[:=]\\s*(-?\\d+)");
    private static final Pattern TO = Pattern.compile("(?i)ToPort\"?\\s*[:=]\\s*(-?\\d+)");
    private static final Pattern ALL_PROTOCOLS = Pattern.compile("(?i)IpProtocol\"?\\s*[:=]\\s*\"?(-1|all)\\b");

    private OpenPorts() {
    }

    /** A source that is everyone: {@code 0.0.0.0/0}, {@code ::/0}, and Azure's {@code *}, {@code Internet}, {@code Any}. */
    static boolean world(String sources) {
        for (String s : sources.split("[\\s,]+")) {
            if (!s.isEmpty() && WORLD.matcher(s.replaceAll("[\"'\\[\\]]", "")).find()) {
                return true;
            }
        }
        return false;
    }

    /** Port lists such as {@code 22}, {@code 0-65535}, {@code tcp:22,tcp:3389}, {@code *}. */
    static boolean admin(String ports) {
        if (ports.strip().equals("*") || ports.strip().equalsIgnoreCase("all") || ports.strip().equals("-1")) {
            return true;
        }
        Matcher m = RANGE.matcher(ports);
        while (m.find()) {
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (covers(from, to)) {
                return true;
            }
        }
        return false;
    }

    /** An EC2 {@code --ip-permissions} body (JSON or shorthand): all protocols, or a FromPort/ToPort pair over an admin port. */
    static boolean adminPermissions(String text) {
        if (ALL_PROTOCOLS.matcher(text).find()) {
            return true;
        }
        List<Integer> from = numbers(FROM.matcher(text));
        List<Integer> to = numbers(TO.matcher(text));
        for (int i = 0; i < from.size(); i++) {
            if (from.get(i) < 0 || covers(from.get(i), i < to.size() ? to.get(i) : from.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> numbers(Matcher m) {
        List<Integer> out = new ArrayList<>();
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static boolean covers(int from, int to) {
        for (int p : ADMIN) {
            if (p >= from && p <= to) {
                return true;
            }
        }
        return false;
    }
}
