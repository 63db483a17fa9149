package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import dev.interlock.analysis.shell.recognizers.code.SdkCalls.Generic;
import dev.interlock.analysis.shell.recognizers.saas.TestModes;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client libraries of hosted services that have no table of their own (Stripe, Databricks, Twilio, SendGrid, Slack, …):
 * Interlock does not know their operations one by one, but a call on the client named like a loss —
 * {@code stripe.Customer.delete}, {@code w.clusters.permanent_delete}, {@code Stripe::Refund.create},
 * {@code client.chat_delete} — changes that service, never this machine. Where comes from what the code names: a
 * {@code profile='prod'}, a live or test key (its variable's name or its value, as the Stripe CLI's), a host; nothing
 * named is an unknown environment. Calls that do not name a loss are left to the caller's default.
 */
final class ServiceSdkCalls {

    /** Client libraries of hosted services, by language: module (or its prefix ending in {@code /}) → the service. */
    private static final Map<Language, Map<String, String>> SERVICES = Map.of(
            Language.PYTHON, table("stripe", "stripe", "databricks", "databricks", "twilio", "twilio", "sendgrid", "sendgrid",
                    "slack_sdk", "slack", "slack", "slack", "braintree", "braintree", "square", "square", "shopify", "shopify",
                    "okta", "okta", "auth0", "auth0", "pdpyras", "pagerduty", "pagerduty", "pagerduty",
                    "datadog_api_client", "datadog", "datadog", "datadog", "digitalocean", "digitalocean", "pydo", "digitalocean",
                    "linode_api4", "linode", "cloudflare", "cloudflare", "hcloud", "hetzner", "heroku3", "heroku",
                    "mailchimp_marketing", "mailchimp", "hubspot", "hubspot", "simple_salesforce", "salesforce",
                    "zenpy", "zendesk", "jira", "jira", "atlassian", "atlassian", "notion_client", "notion",
                    "pyairtable", "airtable", "supabase", "supabase", "algoliasearch", "algolia", "contentful_management", "contentful",
                    "plaid", "plaid", "adyen", "adyen", "Adyen", "adyen", "razorpay", "razorpay", "chargebee", "chargebee",
                    "recurly", "recurly", "paypalrestsdk", "paypal", "openai", "openai", "anthropic", "anthropic",
                    "launchdarkly_api", "launchdarkly", "vercel", "vercel", "fastly", "fastly", "auth0.management", "auth0"),
            Language.JAVASCRIPT, table("stripe", "stripe", "twilio", "twilio", "@sendgrid/", "sendgrid", "@slack/", "slack",
                    "@databricks/", "databricks", "braintree", "braintree", "square", "square", "@shopify/", "shopify",
                    "@okta/", "okta", "auth0", "auth0", "@pagerduty/", "pagerduty", "@datadog/", "datadog",
                    "cloudflare", "cloudflare", "@mailchimp/", "mailchimp", "@hubspot/", "hubspot", "jsforce", "salesforce",
                    "@notionhq/", "notion", "airtable", "airtable", "@supabase/", "supabase", "algoliasearch", "algolia",
                    "contentful-management", "contentful", "plaid", "plaid", "@adyen/", "adyen", "razorpay", "razorpay",
                    "chargebee", "chargebee", "openai", "openai", "@anthropic-ai/", "anthropic", "@vercel/", "vercel",
                    "fastly", "fastly", "@linear/", "linear", "@launchdarkly/", "launchdarkly"),
            Language.RUBY, table("stripe", "stripe", "twilio-ruby", "twilio", "sendgrid-ruby", "sendgrid",
                    "slack-ruby-client", "slack", "braintree", "braintree", "shopify_api", "shopify", "okta", "okta",
                    "pagerduty", "pagerduty", "dogapi", "datadog", "droplet_kit", "digitalocean", "zendesk_api", "zendesk",
                    "restforce", "salesforce", "chargebee", "chargebee", "recurly", "recurly", "razorpay", "razorpay",
                    "plaid", "plaid", "openai", "openai"));
    /**
     * Ruby names a gem by its module constant, not by the name it was required as: {@code require "stripe"} then
     * {@code Stripe::…}; a {@code ruby -rstripe} loads it outside the code.
     */
    private static final Map<String, String> RUBY_CONSTANTS = Map.ofEntries(Map.entry("Stripe", "stripe"),
            Map.entry("Twilio", "twilio"), Map.entry("SendGrid", "sendgrid"), Map.entry("Slack", "slack"),
            Map.entry("Braintree", "braintree"), Map.entry("ShopifyAPI", "shopify"), Map.entry("Okta", "okta"),
            Map.entry("Dogapi", "datadog"), Map.entry("DropletKit", "digitalocean"), Map.entry("ZendeskAPI", "zendesk"),
            Map.entry("Restforce", "salesforce"), Map.entry("ChargeBee", "chargebee"), Map.entry("Recurly", "recurly"),
            Map.entry("Razorpay", "razorpay"), Map.entry("Plaid", "plaid"), Map.entry("OpenAI", "openai"));
    /**
     * Any other library whose name says it is a service's client ({@code acme_sdk}, {@code billing-api-client},
     * {@code @acme/web-api}): a name part {@code sdk}, {@code client} or {@code api}. Tables of their own own the rest.
     */
    private static final Pattern CLIENT_NAME = Pattern.compile("(?i)(?:^|[._/@-])(?:sdk|client|api|apiclient)(?:$|[._/-])|_sdk$|-sdk$");
    /** Standard libraries whose names look like clients but act on nothing hosted (or are read elsewhere). */
    private static final Set<String> NOT_SERVICES = Set.of("http.client", "xmlrpc.client", "http", "xmlrpc", "node:http",
            "asyncio", "email", "fastapi", "openapi", "webapi");

    /** Words in a call's name that say something is lost: a deletion, money sent back, a subscription or key ended. */
    private static final Set<String> LOSS = Set.of("delete", "del", "destroy", "remove", "purge", "drop", "terminate",
            "erase", "wipe", "refund", "refunds", "cancel", "void", "deactivate", "revoke");
    private static final Pattern LOSS_WORD = Pattern.compile("(?i)del|destroy|remove|purge|drop|terminate|erase|wipe|refund|cancel|void|deactivate|revoke");
    private static final Set<String> DELETES = Set.of("delete", "del", "destroy", "remove", "purge", "drop", "terminate", "erase", "wipe");
    /** Creating an object named like a loss is that loss: {@code Stripe::Refund.create}, {@code stripe.refunds.create}. */
    private static final Set<String> MAKES = Set.of("create", "new", "post", "call", "run");
    private static final Pattern CALL = Pattern.compile("(?:\\.|::)\\s*([A-Za-z_]\\w*[!?]?)\\s*\\(");
    private static final Pattern PY_IMPORT = Pattern.compile("(?:^|[;\\n])\\s*(?:from\\s+([\\w.]+)\\s+import\\s+([\\w \\t,()]+)|import\\s+([\\w.]+(?:\\s+as\\s+\\w+)?(?:\\s*,\\s*[\\w.]+(?:\\s+as\\s+\\w+)?)*))");
    private static final Pattern JS_BINDING = Pattern.compile("(?:(?:const|let|var)\\s+(?:\\{([^}]*)\\}|(\\w+))\\s*=\\s*(?:await\\s+)?(?:require|import)\\s*\\(\\s*['\"]([^'\"]+)['\"]"
            + "|\\bimport\\s+(?:(\\w+)\\s*,?\\s*)?(?:\\{([^}]*)\\}|\\*\\s+as\\s+(\\w+))?\\s*from\\s+['\"]([^'\"]+)['\"])");
    private static final Pattern RB_REQUIRE = Pattern.compile("\\brequire\\s*\\(?\\s*['\"]([^'\"/]+)");
    /** A variable given what a client expression returns: {@code w = WorkspaceClient(…)}, {@code const s = stripe(KEY)}. */
    private static final Pattern ASSIGNED = Pattern.compile("(?:^|[;\\n{(,]|\\b(?:const|let|var))\\s*([A-Za-z_$][\\w$]*)\\s*=(?![=>])\\s*(?:await\\s+|new\\s+)*([A-Za-z_$][\\w$]*)");
    /** A loop or block over what a client returned: {@code for c in stripe.Customer.list()}, {@code .each { |c| }}, {@code for (const c of …)}. */
    private static final Pattern LOOP_VAR = Pattern.compile("\\bfor\\s+(?:\\(\\s*(?:const|let|var)\\s+)?(\\w+)\\s+(?:in|of)\\s+(?:await\\s+)?([A-Za-z_$][\\w$]*)"
            + "|\\b([A-Za-z_$][\\w$]*)(?:\\s*(?:\\.|::)\\s*\\w+(?:\\([^()]*\\))?)*\\s*\\.\\s*(?:each|map|forEach|for_each|auto_paging_each|auto_paging_iter|each_with_index)\\s*(?:\\(\\s*)?(?:do\\s*|\\{\\s*)?(?:\\|\\s*(\\w+)|\\(?\\s*(?:async\\s+)?\\(?\\s*(\\w+)\\s*\\)?\\s*=>)");
    private static final Pattern PROFILE = Pattern.compile("\\b(?:profile|profile_name|config_profile)\\s*[=:]\\s*" + LIT);
    private static final Pattern HOST = Pattern.compile("\\b(?:host|base_url|baseUrl|server_url|api_base|endpoint)\\s*[=:]\\s*['\"](?:https?://)?([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    private static final Pattern STRIPE_KEY = Pattern.compile("\\b(?:sk|rk)_(live|test)_[A-Za-z0-9]+");

    private ServiceSdkCalls() {
    }

    private static Map<String, String> table(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /**
     * The loss-named calls on the code's service clients, as {@link Generic} deletes and updates; their names go to
     * {@code accounted}. {@code env}: the variables the code runs with (a key's value says live or test).
     */
    static void find(String code, Language language, Map<String, String> env, List<Generic> generic, Set<String> accounted) {
        if (language != Language.PYTHON && language != Language.JAVASCRIPT && language != Language.RUBY || !LOSS_WORD.matcher(code).find()) {
            return; // most code names no loss at all: no import or chain work for it
        }
        String text = language == Language.RUBY ? ScriptSdkCalls.normalized(code, language) : code;
        Map<String, String> roots = roots(text, language);
        if (roots.isEmpty()) {
            return;
        }
        bound(text, roots);
        Map<String, String> where = where(text, env);
        Matcher m = CALL.matcher(text);
        while (m.find()) {
            String method = m.group(1).replaceAll("[!?]$", "");
            List<String> words = words(method);
            List<String> chain = chain(text, m.start());
            if (chain.isEmpty()) {
                continue;
            }
            String service = roots.get(chain.getFirst());
            String receiver = chain.size() > 1 ? chain.getLast() : "";
            boolean lossNamed = words.stream().anyMatch(LOSS::contains);
            boolean makesLoss = MAKES.contains(method.toLowerCase(Locale.ROOT)) && words(receiver).stream().anyMatch(LOSS::contains);
            if (service == null || !lossNamed && !makesLoss) {
                continue;
            }
            accounted.add(m.group(1));
            boolean deletes = lossNamed && words.stream().anyMatch(DELETES::contains);
            // the object the call acts on: stripe.Customer, w.clusters; a client itself (WebClient(…).chat_delete) names none, the method does
            List<String> noun = words.stream().filter(w -> !LOSS.contains(w)).toList();
            String type = !receiver.isEmpty() && !Regex.find(receiver, "(?i)(?:client|api|gateway|sdk)$")
                    ? Regex.replaceFirst(ClientCallSyntax.snake(receiver), "s$", "") : noun.isEmpty() ? "object" : String.join("-", noun);
            String args = ClientCallSyntax.callArguments(text, m.end());
            Matcher first = Regex.pattern("^\\s*" + LIT).matcher(args);
            String name = first.find() ? lit(first, 1) : "";
            String call = String.join(".", chain) + "." + method;
            generic.add(new Generic(service, deletes ? Verb.DELETE : Verb.UPDATE, type, name,
                    repeated(text, m.start()), call, where, ""));
        }
    }

    /** The names that stand for a service's library in the code, each with its service. */
    private static Map<String, String> roots(String text, Language language) {
        Map<String, String> roots = new LinkedHashMap<>();
        switch (language) {
            case PYTHON -> {
                Matcher m = PY_IMPORT.matcher(text);
                while (m.find()) {
                    if (m.group(1) != null) {
                        service(m.group(1), language).ifPresent(s -> {
                            roots.put(Regex.before(m.group(1), "\\."), s);
                            for (String item : m.group(2).replace("(", "").replace(")", "").split(",")) {
                                String[] parts = item.strip().split("\\s+as\\s+");
                                roots.put(parts[parts.length - 1].strip(), s);
                            }
                        });
                    } else {
                        for (String part : m.group(3).split(",")) {
                            String[] parts = part.strip().split("\\s+as\\s+");
                            service(parts[0].strip(), language).ifPresent(s -> {
                                roots.put(Regex.before(parts[0].strip(), "\\."), s);
                                roots.put(parts[parts.length - 1].strip(), s);
                            });
                        }
                    }
                }
            }
            case JAVASCRIPT -> {
                Matcher m = JS_BINDING.matcher(text);
                while (m.find()) {
                    String module = m.group(3) != null ? m.group(3) : m.group(7);
                    service(module, language).ifPresent(s -> {
                        for (String names : new String[] {m.group(1), m.group(2), m.group(4), m.group(5), m.group(6)}) {
                            if (names == null) {
                                continue;
                            }
                            for (String item : names.split(",")) {
                                String[] parts = item.strip().split("\\s*(?::|\\bas\\b)\\s*");
                                if (!parts[parts.length - 1].isBlank()) {
                                    roots.put(parts[parts.length - 1].strip(), s);
                                }
                            }
                        }
                    });
                }
            }
            case RUBY -> {
                Set<String> required = new LinkedHashSet<>();
                Matcher m = RB_REQUIRE.matcher(text);
                while (m.find()) {
                    service(m.group(1), language).ifPresent(required::add);
                }
                // the gem's constant, required in the code or loaded by -r: Stripe::Refund, Twilio::REST::Client
                RUBY_CONSTANTS.forEach((constant, s) -> {
                    if (text.contains(constant) && Regex.find(text, "\\b" + constant + "\\s*(?:::|\\.)")) {
                        roots.put(constant, s);
                    }
                });
                for (String s : required) {
                    Matcher c = Regex.pattern("\\b([A-Z]\\w*)\\s*(?:::|\\.)").matcher(text);
                    while (c.find()) {
                        if (c.group(1).toLowerCase(Locale.ROOT).equals(s)) {
                            roots.putIfAbsent(c.group(1), s);
                        }
                    }
                }
            }
            default -> { }
        }
        return roots;
    }

    /** The service a module is the client of, from the table or its name; empty for the standard library and tabled SDKs. */
    private static Optional<String> service(String module, Language language) {
        if (module == null || module.isBlank() || NOT_SERVICES.contains(module) || !SdkCalls.reaches(importOf(module, language), language).isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> e : SERVICES.getOrDefault(language, Map.of()).entrySet()) {
            String prefix = e.getKey();
            if (prefix.endsWith("/") ? module.startsWith(prefix) : module.equals(prefix) || module.startsWith(prefix + ".")
                    || module.startsWith(prefix + "/")) {
                return Optional.of(e.getValue());
            }
        }
        if (CLIENT_NAME.matcher(module).find() && !module.startsWith("node:") && !module.startsWith(".")) {
            String top = Regex.replaceFirst(module, "^@", "");
            return Optional.of(Regex.before(Regex.before(Regex.before(top, "/"), "\\."), "[_-](?:sdk|api|client)").toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private static String importOf(String module, Language language) {
        return switch (language) {
            case PYTHON -> "import " + module;
            case JAVASCRIPT -> "require('" + module + "')";
            default -> "require '" + module + "'";
        };
    }

    /** Variables given a client, or an object a client returned, become roots of the same service (twice: {@code a = s(); b = a.x}). */
    private static void bound(String text, Map<String, String> roots) {
        for (int round = 0; round < 3; round++) {
            int before = roots.size();
            Matcher a = ASSIGNED.matcher(text);
            while (a.find()) {
                String service = roots.get(a.group(2));
                if (service != null) {
                    roots.putIfAbsent(a.group(1), service);
                }
            }
            Matcher l = LOOP_VAR.matcher(text);
            while (l.find()) {
                String variable = l.group(1) != null ? l.group(1) : l.group(4) != null ? l.group(4) : l.group(5);
                String source = l.group(1) != null ? l.group(2) : l.group(3);
                if (variable != null && source != null && roots.containsKey(source)) {
                    roots.putIfAbsent(variable, roots.get(source));
                }
            }
            if (roots.size() == before) {
                return;
            }
        }
    }

    /**
     * The dotted names of the receiver before the call whose dot is at {@code dot}, first one first: {@code [stripe,
     * Customer]} for {@code stripe.Customer.delete(}; calls and subscripts in between are stepped over.
     */
    private static List<String> chain(String text, int dot) {
        List<String> out = new ArrayList<>();
        int i = dot;
        while (i > 0) {
            int j = i;
            while (j > 0 && Character.isWhitespace(text.charAt(j - 1))) {
                j--;
            }
            if (j > 0 && (text.charAt(j - 1) == ')' || text.charAt(j - 1) == ']')) {
                j = opening(text, j - 1);
                if (j < 0) {
                    return List.of();
                }
            }
            int end = j;
            while (j > 0 && (Character.isLetterOrDigit(text.charAt(j - 1)) || text.charAt(j - 1) == '_' || text.charAt(j - 1) == '$')) {
                j--;
            }
            if (j == end) {
                return out.isEmpty() ? List.of() : out;
            }
            out.addFirst(text.substring(j, end));
            int k = j;
            while (k > 0 && Character.isWhitespace(text.charAt(k - 1))) {
                k--;
            }
            if (k > 0 && text.charAt(k - 1) == '.') {
                i = k - 1;
            } else if (k > 1 && text.charAt(k - 1) == ':' && text.charAt(k - 2) == ':') {
                i = k - 2;
            } else {
                return out;
            }
        }
        return out;
    }

    private static int opening(String text, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ')' || c == ']') {
                depth++;
            } else if ((c == '(' || c == '[') && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code permanent_delete} → [permanent, delete]; {@code deleteMessage} → [delete, message]. */
    private static List<String> words(String name) {
        return List.of(ClientCallSyntax.snake(name).split("_+"));
    }

    /** A call inside a loop, a comprehension or a block over many objects acts on many of them. */
    private static boolean repeated(String text, int at) {
        int start = Math.max(text.lastIndexOf(';', at), text.lastIndexOf('\n', at)) + 1;
        String statement = text.substring(start, Math.min(text.length(), text.indexOf(';', at) < 0 ? text.length() : text.indexOf(';', at)));
        return Regex.find(statement, "\\bfor\\b|\\.\\s*(?:each|map|forEach|for_each|auto_paging_each|auto_paging_iter)\\b|\\bwhile\\b");
    }

    /**
     * Where the service acts: a configuration profile the code names ({@code WorkspaceClient(profile='prod')}), a host,
     * or the mode of a key — a literal {@code sk_live_…}, the variable it is read from ({@code STRIPE_LIVE_SECRET}), or
     * that variable's value in the environment the code runs with.
     */
    private static Map<String, String> where(String text, Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher p = PROFILE.matcher(text);
        if (p.find()) {
            out.put("profile", lit(p, 1));
        }
        Matcher h = HOST.matcher(text);
        if (h.find()) {
            out.put("host", h.group(1));
        }
        Optional<String> mode = TestModes.stripeKey(text, false);
        Matcher variable = CodeSecrets.ENV_READ.matcher(text);
        while (mode.isEmpty() && variable.find()) {
            String name = variable.group(1) != null ? variable.group(1) : variable.group(2) != null ? variable.group(2) : variable.group(3);
            if (name == null) {
                continue;
            }
            Matcher value = STRIPE_KEY.matcher(env.getOrDefault(name, ""));
            mode = value.find() ? Optional.of(value.group(1)) : TestModes.stripeKey("$" + name, false);
        }
        mode.ifPresent(m -> out.put("environment", m));
        return Map.copyOf(out);
    }
}
