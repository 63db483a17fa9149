package dev.interlock.analysis.shell.recognizers.cms;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * WooCommerce's commands under WP-CLI ({@code wp wc RESOURCE ACTION}), which call the store's REST API inside the site.
 * Listing or getting customers, orders, their notes, refunds and downloads, and product reviews returns people's
 * records ({@link DatabaseOps#CUSTOMER_RECORDS}: written to a file here, a copy of the store's data); other resources'
 * listings read; {@code create}, {@code update}, {@code batch} and {@code delete} change the store, as do its maintenance
 * tools, its database update and the order-storage migration ({@code hpos sync|cleanup|enable|disable}).
 */
final class WooCommerceCli {

    private WooCommerceCli() {
    }

    /** Resources whose records are people's: names, emails, addresses, what they bought and what they wrote. */
    private static final Set<String> PEOPLE = Set.of("customer", "customer_download", "order", "order_note", "order_refund",
            "shop_order_refund", "product_review");
    private static final Set<String> STORE = Set.of("product", "product_variation", "product_attribute", "product_attribute_term",
            "product_cat", "product_tag", "product_shipping_class", "coupon", "shipping_zone", "shipping_zone_location",
            "shipping_zone_method", "shipping_method", "payment_gateway", "setting", "tax", "tax_class", "webhook",
            "webhook_delivery", "system_status", "system_status_tool", "tool", "report", "data");

    private static final CommandTable TABLE = table();

    private static CommandTable table() {
        CommandTable.Builder b = CommandTable.builder();
        for (String resource : PEOPLE) {
            b.add(resource, "list get", read(DatabaseOps.CUSTOMER_RECORDS)
                    .note("prints the store's " + resource.replace('_', ' ') + " records: names, emails, addresses, purchases"));
        }
        for (String resource : STORE) {
            b.add(resource, "list get", read(resource));
        }
        for (String resource : union()) {
            b.add(resource, "create", create(resource));
            b.add(resource, "update", update(resource));
            b.add(resource, "batch", update(resource).many());
            b.add(resource, "delete", delete(resource));
        }
        return b.add("tool", "run", update("store").many().note("runs a WooCommerce maintenance tool on the store's data"))
                .add("", "update", update("database").note("runs WooCommerce's database updates"))
                .add("hpos", "status count_unmigrated verify_data diff", read("database"))
                .add("hpos", "sync enable disable cleanup", update("database").many()
                        .note("migrates, switches or cleans up the store's order tables"))
                .add("cot", "count_unmigrated verify_cot_data", read("database"))
                .add("cot", "migrate sync enable disable", update("database").many())
                .add("com", "extension", read("extension"))
                .build();
    }

    private static Set<String> union() {
        Set<String> all = new java.util.HashSet<>(PEOPLE);
        all.addAll(STORE);
        return all;
    }

    /** What {@code wp wc COMMAND…} does; empty when the table does not know it. */
    static Optional<CommandTable.Found> find(List<String> command) {
        return TABLE.find(command);
    }
}
