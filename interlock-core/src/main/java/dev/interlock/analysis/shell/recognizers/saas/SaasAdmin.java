package dev.interlock.analysis.shell.recognizers.saas;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SaaS admin CLIs, one table each: Stripe's {@code stripe}, Shopify's {@code shopify}, Salesforce's {@code sf} (and the
 * older {@code sfdx}), HubSpot's {@code hs} and Zendesk's {@code zcli}. They act on a live business account (money,
 * storefront, customer records), so a change there is a production change unless the command names a test mode, a
 * development theme or a scratch org; downloads and listings only read. Feature-flag platforms' CLIs, LaunchDarkly's
 * {@code ldcli} and {@code configcat}, change a flag in the environment they name. The CLI for Microsoft 365, {@code m365},
 * acts in the tenant its site URL names ({@link M365Cli}).
 */
public final class SaasAdmin implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("stripe", "shopify", "sf", "sfdx", "hs", "zcli", "ldcli", "configcat", "m365");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        if (words.isEmpty() || words.contains("--help") || words.contains("-h") || words.equals(List.of("--version"))) {
            return List.of();
        }
        if (inv.program().equals("ldcli")) {
            return LaunchDarklyCli.recognize(inv);
        }
        Operation op = switch (inv.program()) {
            case "stripe" -> StripeCli.recognize(inv);
            case "shopify" -> ShopifyCli.recognize(inv);
            case "sf", "sfdx" -> SalesforceCli.recognize(inv);
            case "hs" -> HubSpotCli.recognize(inv);
            case "configcat" -> ConfigCatCli.recognize(inv);
            case "m365" -> M365Cli.recognize(inv);
            default -> ZendeskCli.recognize(inv);
        };
        return List.of(op);
    }

    /** The positionals in lower case, with colon-joined commands ({@code apps:update}, {@code force:data:soql:query}) split. */
    static List<String> commandWords(List<String> positionals) {
        return positionals.stream().flatMap(w -> w.contains(":") && !w.contains("/") ? List.of(w.split(":")).stream() : java.util.stream.Stream.of(w))
                .filter(w -> !w.isEmpty()).map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }
}
