package dev.interlock.analysis.mcp;

import dev.interlock.analysis.api.FlagPatches;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * SaaS admin servers: Stripe's (its agent toolkit's tools: customers, prices, invoices, refunds, subscriptions), Shopify's
 * Dev server (public documentation and local validation only),
 * Salesforce's, HubSpot's, Square's and LaunchDarkly's (feature flags, placed by the environment a call names). A Stripe change moves money or customers in whichever account the server holds keys for (the inventory
 * places the server: {@code stripe-test}, {@code stripe-prod}); a SOQL or SOSL query only reads (the languages have no
 * writes), while anonymous Apex, DML and deploys change the org.
 */
final class SaasTools {

    private SaasTools() {
    }

    private static final Pattern STRIPE_SERVER = Pattern.compile("(?i)stripe");
    private static final Pattern SALESFORCE_SERVER = Pattern.compile("(?i)salesforce|sfdc|force\\.com|(^|[-_.])sf([-_.]|$)");
    private static final Pattern QUERY = Pattern.compile("(?is)\\s*(select|find)\\b.*");

    private static Function<McpCall, List<Operation>> act(String system, Verb verb, String type, String... names) {
        return c -> {
            Operation.Builder b = c.op(system, verb, type, c.text(names));
            return List.of((verb == Verb.DELETE ? b.stateful(true).reversible(false) : b).build());
        };
    }

    private static Map<String, Function<McpCall, List<Operation>>> stripeTools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        for (String read : List.of("list_customers", "list_products", "list_prices", "list_invoices", "retrieve_balance",
                "list_payment_intents", "list_subscriptions", "list_coupons", "list_disputes", "search_documentation",
                "search_stripe_documentation", "search_stripe_resources", "fetch_stripe_resources", "get_stripe_account_info",
                "list_refunds", "list_charges", "retrieve_customer", "list_payment_links")) {
            tools.put(read, act("stripe", Verb.READ, "object", "id", "customer", "email"));
        }
        for (String made : List.of("create_customer", "create_product", "create_price", "create_payment_link", "create_invoice",
                "create_invoice_item", "create_coupon", "create_refund", "create_payment_intent", "create_subscription")) {
            tools.put(made, act("stripe", Verb.CREATE, made.substring("create_".length()), "name", "customer", "payment_intent", "id"));
        }
        for (String changed : List.of("finalize_invoice", "update_subscription", "update_dispute", "update_customer",
                "cancel_subscription", "update_price", "update_product", "void_invoice", "send_invoice", "capture_payment_intent")) {
            tools.put(changed, act("stripe", Verb.UPDATE, changed.substring(changed.indexOf('_') + 1), "subscription", "invoice",
                    "dispute", "customer", "price", "product", "payment_intent", "id"));
        }
        tools.put("delete_customer", act("stripe", Verb.DELETE, "customer", "customer", "id"));
        tools.put("delete_product", act("stripe", Verb.DELETE, "product", "product", "id"));
        return tools;
    }

    static final ToolFamily STRIPE = new ToolFamily("stripe", c -> STRIPE_SERVER.matcher(c.server()).find(), stripeTools());

    /** A SOQL/SOSL query reads; anything else in a query tool is not a query Interlock can vouch for. */
    private static final Function<McpCall, List<Operation>> SOQL = c -> {
        String query = c.text("query", "soql", "q", "sosl", "searchString");
        if (!QUERY.matcher(query).matches()) {
            return List.of(c.opaque("not a SOQL or SOSL query"));
        }
        return List.of(c.op("salesforce", Verb.READ, "records", c.text("objectName", "sobject")).note("a SOQL/SOSL query only reads").build());
    };

    private static final Function<McpCall, List<Operation>> APEX = c -> List.of(c.op("salesforce", Verb.EXECUTE, "apex",
            c.text("apexCode", "code", "apex", "body")).note("runs anonymous Apex in the org").build());

    /** {@code salesforce_dml_records}: the operation argument says insert, update, upsert or delete. */
    private static final Function<McpCall, List<Operation>> DML = c -> {
        String operation = c.text("operation", "action").toLowerCase(java.util.Locale.ROOT);
        Verb verb = operation.equals("delete") ? Verb.DELETE : operation.equals("insert") ? Verb.CREATE : Verb.UPDATE;
        Operation.Builder b = c.op("salesforce", verb, "records", c.text("objectName", "sobject")).scope(Scope.MANY);
        return List.of((verb == Verb.DELETE ? b.stateful(true).reversible(false) : b).build());
    };

    private static Map<String, Function<McpCall, List<Operation>>> salesforceTools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        for (String query : List.of("execute_soql", "run_soql_query", "soql_query", "query_records", "aggregate_query", "query",
                "search_all", "execute_sosl", "run_soql")) {
            tools.put(query, SOQL);
        }
        for (String apex : List.of("execute_apex", "execute_anonymous", "execute_anonymous_apex", "run_apex", "run_anonymous_apex")) {
            tools.put(apex, APEX);
        }
        tools.put("dml_records", DML);
        tools.put("deploy_metadata", act("salesforce", Verb.UPDATE, "metadata", "sourceDir", "manifest"));
        tools.put("retrieve_metadata", act("salesforce", Verb.READ, "metadata", "sourceDir", "manifest"));
        tools.put("run_apex_test", act("salesforce", Verb.READ, "apex-tests", "classNames", "testLevel"));
        tools.put("assign_permission_set", act("salesforce", Verb.GRANT, "user", "permissionSetName", "onBehalfOf"));
        tools.put("write_apex", act("salesforce", Verb.UPDATE, "apex", "className", "name"));
        tools.put("write_apex_trigger", act("salesforce", Verb.UPDATE, "apex", "triggerName", "name"));
        tools.put("manage_object", act("salesforce", Verb.UPDATE, "schema", "objectName"));
        tools.put("manage_field", act("salesforce", Verb.UPDATE, "schema", "objectName", "fieldName"));
        tools.put("create_record", act("salesforce", Verb.CREATE, "record", "objectName", "sobject"));
        tools.put("update_record", act("salesforce", Verb.UPDATE, "record", "recordId", "id"));
        tools.put("delete_record", act("salesforce", Verb.DELETE, "record", "recordId", "id"));
        return tools;
    }

    /**
     * Square's server calls any API method through {@code make_api_request}: the method's name says what it does
     * ({@code search}, {@code list}, {@code retrieve} read; {@code create}, {@code update}, {@code cancel}, {@code refund}
     * change), in whichever account, sandbox or production, the server holds a token for.
     */
    private static final Function<McpCall, List<Operation>> SQUARE_REQUEST = c -> {
        String method = c.text("method");
        if (method.isEmpty()) {
            return List.of(c.opaque("make_api_request names no method"));
        }
        Verb verb = dev.interlock.analysis.api.MethodNames.verb(method, true);
        if (verb == Verb.UNKNOWN) {
            return List.of(c.opaque("the Square method " + method + " is not one whose effect its name says"));
        }
        String service = c.text("service");
        Operation.Builder b = c.op("square", verb, "object", service.isEmpty() ? method : service + "." + method);
        return List.of((verb == Verb.DELETE ? b.stateful(true).reversible(false) : b).build());
    };

    private static final Pattern SQUARE_SERVER = Pattern.compile("(?i)square");

    static final ToolFamily SQUARE = new ToolFamily("square", c -> SQUARE_SERVER.matcher(c.server()).find(), Map.of(
            "make_api_request", SQUARE_REQUEST,
            "get_service_info", act("square", Verb.READ, "api", "service"),
            "get_type_info", act("square", Verb.READ, "api", "service", "method")));

    private static final Pattern LAUNCHDARKLY_SERVER = Pattern.compile("(?i)launchdarkly|(^|[-_.])ld([-_.]|$)");

    /**
     * A LaunchDarkly flag call, placed as the REST API's are: by the {@code environmentKey} argument, else by the
     * environments a patch touches ({@link FlagPatches}); a delete removes the flag from production too.
     */
    private static Function<McpCall, List<Operation>> flag(Verb verb) {
        return c -> {
            Operation.Builder b = c.op("launchdarkly", verb, "feature-flag", c.text("featureFlagKey", "flagKey", "key", "flag"))
                    .locator("flag-project", c.text("projectKey", "project")).reversible(true);
            if (verb == Verb.DELETE) {
                return List.of(b.stateful(true).reversible(false).locator("environment", "production")
                        .note("removes the flag from every environment, production included").build());
            }
            String named = c.text("environmentKey", "environment", "env");
            if (verb == Verb.READ || !named.isEmpty()) {
                return List.of((named.isEmpty() ? b : b.locator("environment", named)).build());
            }
            return FlagPatches.environments(c.arguments().toString())
                    .map(envs -> envs.stream().map(e -> b.build().toBuilder().locator("environment", e).build()).toList())
                    .orElseGet(() -> List.of(b.build()));
        };
    }

    private static Map<String, Function<McpCall, List<Operation>>> launchDarklyTools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        for (String read : List.of("get_flag", "list_flags", "get_feature_flag", "list_feature_flags", "get_flag_status",
                "get_feature_flag_status", "get_flag_status_across_environments", "list_flag_statuses")) {
            tools.put(read, flag(Verb.READ));
        }
        for (String changed : List.of("toggle_flag", "update_rollout", "update_targeting", "update_targeting_rules",
                "update_individual_targets", "patch_flag", "patch_feature_flag", "update_flag", "update_feature_flag")) {
            tools.put(changed, flag(Verb.UPDATE));
        }
        tools.put("create_flag", flag(Verb.CREATE));
        tools.put("create_feature_flag", flag(Verb.CREATE));
        for (String removed : List.of("delete_flag", "delete_feature_flag", "archive_flag", "archive_feature_flag")) {
            tools.put(removed, flag(Verb.DELETE));
        }
        return tools;
    }

    static final ToolFamily LAUNCHDARKLY = new ToolFamily("launchdarkly", c -> LAUNCHDARKLY_SERVER.matcher(c.server()).find(),
            launchDarklyTools());

    private static final Pattern SHOPIFY_SERVER = Pattern.compile("(?i)shopify");

    /**
     * Shopify's Dev MCP server ({@code @shopify/dev-mcp}): every tool searches or fetches shopify.dev's public
     * documentation and API schemas, or validates code the agent wrote (GraphQL, Polaris components, a theme's Liquid)
     * on this machine; none holds a store's token or reaches a store. Storefront and customer-account servers are not
     * these tools.
     */
    private static Map<String, Function<McpCall, List<Operation>>> shopifyDevTools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        for (String docs : List.of("learn_shopify_api", "introspect_graphql_schema", "introspect_admin_schema", "search_docs_chunks",
                "search_dev_docs", "fetch_full_docs", "fetch_docs_by_path", "get_started")) {
            tools.put(docs, c -> List.of(c.op("shopify", Verb.READ, "documentation", c.text("api", "query", "path", "paths"))
                    .note("reads shopify.dev's public documentation or API schema").build()));
        }
        for (String check : List.of("validate_graphql_codeblocks", "validate_component_codeblocks", "validate_theme",
                "validate_theme_codeblocks")) {
            tools.put(check, c -> List.of(c.op("shopify", Verb.READ, "code", c.text("api", "absoluteThemePath", "themePath"))
                    .note("validates code against Shopify's schemas on this machine; nothing is sent to a store").build()));
        }
        return tools;
    }

    static final ToolFamily SHOPIFY_DEV = new ToolFamily("shopify-dev", c -> SHOPIFY_SERVER.matcher(c.server()).find(), shopifyDevTools());

    static final ToolFamily SALESFORCE = new ToolFamily("salesforce", c -> SALESFORCE_SERVER.matcher(c.server()).find(), salesforceTools());

    private static final Pattern HUBSPOT_SERVER = Pattern.compile("(?i)hubspot");

    /**
     * HubSpot's MCP server ({@code hubspot-list-objects}, {@code hubspot-batch-update-objects}): listing, searching and
     * reading CRM records, schemas, properties, associations and workflows read; batch creates and updates, engagements,
     * associations and properties change the portal the server's access token belongs to (the server's name places it:
     * {@code hubspot-dev} is a developer portal).
     */
    private static Map<String, Function<McpCall, List<Operation>>> hubSpotTools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        for (String read : List.of("list_objects", "search_objects", "batch_read_objects", "get_user_details", "get_schemas",
                "list_properties", "get_property", "list_associations", "get_association_definitions", "get_engagement",
                "list_workflows", "get_workflow", "get_link", "generate_feedback_link")) {
            tools.put(read, act("hubspot", Verb.READ, "records", "objectType", "fromObjectType", "propertyName", "engagementId", "flowId"));
        }
        tools.put("batch_create_objects", many(Verb.CREATE, "records", "objectType"));
        tools.put("batch_update_objects", many(Verb.UPDATE, "records", "objectType"));
        tools.put("batch_create_associations", many(Verb.UPDATE, "association", "fromObjectType"));
        tools.put("create_engagement", act("hubspot", Verb.CREATE, "engagement", "type", "engagementType"));
        tools.put("update_engagement", act("hubspot", Verb.UPDATE, "engagement", "engagementId"));
        tools.put("create_property", act("hubspot", Verb.UPDATE, "schema", "objectType", "name"));
        tools.put("update_property", act("hubspot", Verb.UPDATE, "schema", "objectType", "propertyName"));
        return tools;
    }

    private static Function<McpCall, List<Operation>> many(Verb verb, String type, String... names) {
        return c -> List.of(c.op("hubspot", verb, type, c.text(names)).scope(Scope.MANY).build());
    }

    static final ToolFamily HUBSPOT = new ToolFamily("hubspot", c -> HUBSPOT_SERVER.matcher(c.server()).find(), hubSpotTools());
}
