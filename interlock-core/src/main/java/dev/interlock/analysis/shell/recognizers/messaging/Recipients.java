package dev.interlock.analysis.shell.recognizers.messaging;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a message reaches. A note to a few named people is everyday work; a message to a mailing list or a customer
 * list ({@code customers-all@…}, {@code all@…}, {@code lists.acme.com}), to many addresses at once, or to recipients
 * the command line does not show (a loop variable, an {@code xargs} slot) speaks for the company to people outside the
 * team, and a human sends that.
 */
record Recipients(List<Arg> addresses) {

    /** More addresses than this in one send is a mass message. */
    private static final int MANY = 5;
    /** Local parts, or a {@code -}/{@code _}/{@code .} part of one, that name a crowd rather than a person or a team. */
    private static final String CROWD = "all|everyone|everybody|customers?|clients?|users|subscribers?|members|announce"
            + "|announcements?|newsletters?|marketing|mailing|list|broadcast|company|staff|allstaff|all-staff|all-hands";
    /** Domains of list servers and groups. */
    private static final String LIST_DOMAIN = "(lists?|groups?|mailman|listserv)\\..+|.*googlegroups\\.com";
    /** Reserved names that deliver nothing (RFC 2606) and mail catchers on this machine. */
    private static final String NOWHERE = "(.+\\.)?(test|example|invalid|localhost)|example\\.(com|org|net)|localhost|127\\.0\\.0\\.1";

    Recipients {
        addresses = List.copyOf(addresses);
    }

    boolean none() {
        return addresses.isEmpty();
    }

    /** Why the message reaches a crowd, if it does. */
    Optional<String> crowd() {
        if (addresses.size() > MANY) {
            return Optional.of(addresses.size() + " recipients in one send");
        }
        for (Arg a : addresses) {
            String address = a.value().toLowerCase(Locale.ROOT);
            if (!a.literal() || address.contains("{}") || address.contains("%")) {
                return Optional.of("recipients filled in when the command runs (" + a.value() + ")");
            }
            int at = address.lastIndexOf('@');
            String local = at < 0 ? address : address.substring(0, at);
            String domain = at < 0 ? "" : address.substring(at + 1);
            if (Regex.matches(domain, LIST_DOMAIN)) {
                return Optional.of("a mailing list (" + a.value() + ")");
            }
            for (String part : local.split("[-_.+]")) {
                if (Regex.matches(part, CROWD)) {
                    return Optional.of("a list of people (" + a.value() + ")");
                }
            }
        }
        return Optional.empty();
    }

    /** True when every address is a reserved test name that nothing delivers to. */
    boolean nowhere() {
        return !addresses.isEmpty() && addresses.stream().allMatch(a -> a.literal()
                && Regex.matches(a.value().substring(a.value().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT), NOWHERE));
    }

    String names() {
        return String.join(",", addresses.stream().map(Arg::value).toList());
    }
}
