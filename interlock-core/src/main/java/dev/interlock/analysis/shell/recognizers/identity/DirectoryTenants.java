package dev.interlock.analysis.shell.recognizers.identity;

import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The directory (tenant) an identity command acts in, as its own names say: the domain of a user principal name or
 * email ({@code qa@acmedev.onmicrosoft.com} → {@code acmedev.onmicrosoft.com}), the host of an identifier URI
 * ({@code api://acmedev.onmicrosoft.com/orders}), or a tenant named outright. It becomes the {@code tenant} locator, which
 * the inventory places like any other name. A grant is left unplaced: the names in it are its members', who may come
 * from another directory, so they do not say where the rights change.
 */
public final class DirectoryTenants {

    private DirectoryTenants() {
    }

    private static final Pattern SIGN_IN_NAME = Pattern.compile("[^@\\s/:]+@([a-z0-9-]+(?:\\.[a-z0-9-]+)+)");

    /** The domain of the first sign-in name ({@code user@domain}) among {@code values}. */
    public static Optional<String> ofSignInNames(List<String> values) {
        for (String v : values) {
            Matcher m = SIGN_IN_NAME.matcher(v.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** The host of the first URI among {@code values} that names a domain ({@code api://GUID} names none). */
    public static Optional<String> ofUris(List<String> values) {
        for (String v : values) {
            String host = v.contains("://") ? Hosts.of(v) : "";
            if (host.contains(".") && !Hosts.loopback(host) && !host.matches("[0-9.]+")) {
                return Optional.of(host);
            }
        }
        return Optional.empty();
    }

    /** {@code op} with its tenant, unless it is a grant or the command named none. */
    public static Operation placed(Operation op, Optional<String> tenant) {
        if (tenant.isEmpty() || op.verb() == Verb.GRANT || op.verb() == Verb.ESCALATE
                || !op.resource().locator("tenant").isEmpty()) {
            return op;
        }
        return op.toBuilder().locator("tenant", tenant.get()).build();
    }
}
