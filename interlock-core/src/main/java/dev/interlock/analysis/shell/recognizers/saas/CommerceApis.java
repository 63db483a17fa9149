package dev.interlock.analysis.shell.recognizers.saas;

import dev.interlock.analysis.api.GraphqlDocument;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Commerce platforms' admin APIs (Shopify, BigCommerce, WooCommerce, Magento, commercetools, Saleor, Medusa), one row
 * each: the paths, and the GraphQL fields, that answer with a store's customers and orders. Such an answer is the
 * customers' names, addresses and purchases: printed it is a read, written to a file here it is a copy of the store's
 * data ({@link DatabaseOps#CUSTOMER_RECORDS}), as a query's rows are. Counts ({@code /customers/count.json},
 * {@code ordersCount}), products and the shop's settings are not people's records.
 */
public final class CommerceApis {

    private CommerceApis() {
    }

    /**
     * One platform: the hosts its API answers on ({@code null}: any, the platform is self-hosted), the REST paths of its
     * customer and order records, and whether a GraphQL document sent to {@code graphql} on such a host is its API.
     */
    private record Platform(String name, Pattern host, Pattern records, Pattern graphql) {
        boolean serves(String h) {
            return host == null || host.matcher(h).matches();
        }
    }

    private static final String ONE = "(/(?!count\\b)[\\w-]+(/(orders|addresses|notes|refunds|transactions))?)?";
    private static final List<Platform> PLATFORMS = List.of(
            new Platform("Shopify", Pattern.compile("[a-z0-9-]+\\.myshopify\\.com"),
                    Pattern.compile("/admin(/api/[\\w-]+)?/(customers|orders|draft_orders|checkouts|abandoned_checkouts|gift_cards)"
                            + "(/search|" + ONE.substring(1) + "(\\.json)?/?"),
                    Pattern.compile("/admin/api/[\\w-]+/graphql\\.json|/api/[\\w-]+/graphql\\.json")),
            new Platform("BigCommerce", Pattern.compile("api\\.bigcommerce\\.com"),
                    Pattern.compile("/stores/[^/]+/v[23]/(customers|orders)" + ONE + "/?"), Pattern.compile("/stores/[^/]+/graphql")),
            new Platform("WooCommerce", null,
                    Pattern.compile("(/index\\.php)?/wp-json/(wc/v[123]/(customers|orders)" + ONE + "|wp/v2/users(/\\d+)?)/?"), null),
            new Platform("Magento", null,
                    Pattern.compile("/rest(/[\\w-]+)?/(V1|async/V1)/(customers/search|customers/\\d+|orders(/\\d+)?|orders/items|invoices"
                            + "|creditmemos)/?"), null),
            new Platform("commercetools", Pattern.compile("api\\.[a-z0-9.-]+\\.commercetools\\.com"),
                    Pattern.compile("/[\\w-]+/(customers|orders)(/(?!count\\b)[\\w=-]+)?/?"), Pattern.compile("/[\\w-]+/graphql")),
            new Platform("Saleor", Pattern.compile("[a-z0-9.-]+\\.saleor\\.cloud"), null, Pattern.compile("/graphql/?")),
            new Platform("Medusa", null, Pattern.compile("/admin/(customers|orders|draft-orders)(/(?!count\\b)[\\w-]+)?/?"), null));

    /** The GraphQL root fields that return people or their orders (not {@code ordersCount}, not {@code products}). */
    private static final Pattern RECORD_FIELDS = Pattern.compile(
            "(?s).*\\b(customers?|orders?|draftOrders?|abandonedCheckouts?|customerSegmentMembers|staffMembers?|staffUsers?)\\s*[({].*");

    /**
     * The read of a request of {@code method} to {@code host}{@code path} with {@code body}, when it reads customers' or
     * orders' records: a GET of a record path, or a GraphQL query (not a mutation) naming a record field.
     */
    public static Optional<Operation> records(Invocation inv, String host, String path, String method, List<String> body) {
        return platform(host, path, method, body).map(what -> Operation.builder("http", Verb.READ)
                .resource(DatabaseOps.CUSTOMER_RECORDS, path).locator("host", host).scope(Scope.MANY)
                .evidence(inv.evidence()).note(what + " on " + host).build());
    }

    private static Optional<String> platform(String host, String path, String method, List<String> body) {
        String h = host.toLowerCase(Locale.ROOT);
        for (Platform p : PLATFORMS) {
            if (!p.serves(h)) {
                continue;
            }
            boolean get = method.isEmpty() && body.isEmpty() || method.equals("GET");
            if (get && p.records() != null && p.records().matcher(path).matches()) {
                return Optional.of("lists " + p.name() + "'s records of customers or orders");
            }
            if (p.graphql() != null && p.graphql().matcher(path).matches() && (method.isEmpty() || method.equals("POST"))) {
                for (String text : body) {
                    Optional<GraphqlDocument> document = GraphqlDocument.ofBody(text, true);
                    if (document.isPresent() && !document.get().mutation() && RECORD_FIELDS.matcher(text).matches()) {
                        return Optional.of("a " + p.name() + " GraphQL query for customers or orders");
                    }
                }
            }
        }
        return Optional.empty();
    }
}
