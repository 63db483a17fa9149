package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an action in a web page does, read from the words that describe it: a button's accessible name or selector
 * ("Delete user", {@code button.delete}), a field's label and the text typed into it, a dialog's prompt. A click on
 * "Refund payment" refunds whoever's payment the page shows, so the words are judged as a command's verbs are; where
 * the page is comes from the URLs, hosts and environment names in the same text ({@link #place}). Words that name
 * nothing risky ("Sign in", "Next", a search box) leave the action routine. Used by the browser MCP servers' tools and
 * by Playwright and Puppeteer scripts.
 */
public final class PageActions {

    private PageActions() {
    }

    /** What a control does: the verb, why (for the note), and whether it acts on everything listed. */
    public record Action(Verb verb, String why, Scope scope) {
    }

    /** {@code scope}: ALL when the words name a whole container (a project, an account); else from the words. */
    private record Row(Pattern words, Verb verb, String why, Optional<Scope> scope) {
        Row(String words, Verb verb, String why) {
            this(Pattern.compile("(?i)" + words), verb, why, Optional.empty());
        }

        Row(String words, Verb verb, String why, Scope scope) {
            this(Pattern.compile("(?i)" + words), verb, why, Optional.of(scope));
        }
    }

    private static final String SECRET = "(access[ -]?keys?|api[ -]?keys?|secret[ -]?keys?|keys?|tokens?|secrets?|passwords?|credentials?|key pairs?|app passwords?)";

    /** Most specific first: "Create access key" mints a credential before it creates anything. */
    private static final List<Row> ROWS = List.of(
            new Row("\\b(create|generate|new|add|issue)\\b.{0,30}\\b" + SECRET + "\\b", Verb.CREDENTIAL, "mints a credential"),
            new Row("\\b(roll|rotate|regenerate|reset|revoke|expire)\\b.{0,30}\\b" + SECRET + "\\b", Verb.UPDATE,
                    "replaces or revokes a credential that something uses"),
            new Row("\\b(reveal|show|view|copy|unmask|display)\\b.{0,30}\\b" + SECRET + "\\b", Verb.CREDENTIAL,
                    "shows a secret to the agent"),
            new Row("administratoraccess|\\b(attach|add|grant|assign)\\b.{0,30}\\b(polic(y|ies)|roles?|permissions?|admins?|owners?)\\b"
                    + "|\\bmake\\b.{0,40}\\bpublic\\b|\\b(change|set)\\b.{0,30}\\bvisibility\\b|\\btransfer ownership\\b"
                    + "|\\b(roles?|permissions?|access level)\\b.{0,80}\\b(admin|administrator|owner|maintain|maintainer|write)\\b"
                    + "|\\b(add|invite)\\b.{0,30}\\b(collaborators?|members?)\\b", Verb.GRANT, "changes who may do what"),
            // shutting down a whole project or account takes everything in it, as gcloud projects delete does
            new Row("\\b(delete|shut ?down|close|terminate|destroy|remove|decommission)\\s+(this |the |your |my |whole |entire )?"
                    + "(project|account|organi[sz]ation|org|workspace|subscription|tenant|environment|cluster)\\b"
                    + "(?!\\s*(variables?|members?|users?|settings?|keys?|tokens?|names?|labels?|tags?|filters?|invit\\w*))",
                    Verb.DELETE, "tears down the whole container the page shows, with everything in it", Scope.ALL),
            // a sync with Prune (Argo CD) deletes what is no longer declared, as argocd app sync --prune does
            new Row("\\b(sync|synchroni[sz]e)\\b.{0,80}\\bprune\\b|\\bprune\\b.{0,80}\\b(sync|synchroni[sz]e)\\b", Verb.DELETE,
                    "syncs with prune: what is no longer declared is deleted", Scope.MANY),
            // "Remove filter", "Remove from cart" tidy the view; the rest of a delete's words lose what the page holds
            new Row("\\b(delete|deletes|remove|destroy|purge|terminate|wipe|erase|shut ?down|decommission|uninstall|"
                    + "empty (the )?bucket|close (the )?account|drop (table|database|collection|schema))\\b(?!\\s+(the\\s+)?(filters?|chips?|selection|sort(ing)?|columns?|"
                    + "search|tags? filter|from (cart|basket|list|view|favou?rites|selection|wishlist)))", Verb.DELETE,
                    "deletes what the page shows"),
            new Row("\\b(refund|refunds|charge|payout|pay out|capture payment|void|issue credit|transfer funds|send money|"
                    + "cancel subscription)\\b", Verb.UPDATE, "moves money"),
            new Row("\\b(sync|synchroni[sz]e|deploy|redeploy|promote|roll ?back|release|publish|restart|reboot|suspend|scale|fail ?over|"
                    + "merge|approve|force push|run workflow|trigger|rebuild|restore|migrate|deactivate|ban|maintenance mode)\\b"
                    // stop, disable, pause and the like also name everyday view changes ("Stop recording", "Disable dark mode")
                    + "|\\b(stop|disable|enable|archive|transfer|pause|resume|mute|silence|snooze)\\b.{0,30}\\b(instances?|servers?|services?|"
                    + "clusters?|databases?|vms?|apps?|applications?|deployments?|pipelines?|jobs?|containers?|nodes?|projects?|"
                    + "repositor(y|ies)|accounts?|users?|protection|logging|audit|alert(s|ing)?|alert rules?|evaluations?|monitor(s|ing)?|"
                    + "backups?|encryption|firewall|mfa|2fa|domains?|buckets?|replication|schedules?|consumers?|queues?|webhooks?)\\b",
                    Verb.UPDATE, "changes what the page manages"),
            new Row("\\bexport\\b|\\bdownload\\b.{0,40}\\b(csv|xlsx|excel|data|backup|dump|export|report|all)\\b",
                    Verb.READ, "copies the data the page shows onto this machine"),
            new Row("\\bto confirm\\b|\\bconfirm\\b.{0,30}\\b(deletion|delete|removal)\\b|\\btype\\b.{0,60}\\bto (confirm|continue|proceed)\\b",
                    Verb.UPDATE, "confirms the change the page asked about"));

    /**
     * Controls that change state only on a page that is somewhere (a console named by its URL, host or environment):
     * "Save", "Apply", a toggle or a switch in the agent's own app under test is routine, in a production console it
     * is a change. Controls of the view itself (filters, theme, sidebar, columns, time range) stay looks anywhere.
     */
    private static final Row STATE_CONTROL = new Row("\\b(save|apply|confirm|update|enable|disable|pause|unpause|resume|mute|unmute|"
            + "silence|snooze|activate|toggle|switch|turn (on|off))\\b", Verb.UPDATE, "changes a setting of what the page manages");
    private static final Pattern VIEW_CONTROL = Pattern.compile("(?i)\\b(filters?|view|layout|columns?|sidebar|side bar|menu|"
            + "nav(igation)?|theme|dark mode|light mode|tabs?|legend|sort(ing)?|time ?range|time ?picker|refresh interval|"
            + "auto-?refresh|zoom|full ?screen|wrap|password visibility|show password|details|expand|collapse|preview|search|"
            + "language|locale|time ?zone|screenshot|switch to|draft)\\b");
    private static final Pattern EVERYTHING = Pattern.compile("(?i)\\b(all|every|everything|bulk)\\b");

    /** The action the words describe, or empty when they name nothing risky. */
    public static Optional<Action> of(String words) {
        for (Row row : ROWS) {
            if (row.words().matcher(words).find()) {
                return Optional.of(action(row, words));
            }
        }
        return Optional.empty();
    }

    /**
     * As {@link #of(String)}, on a page {@code place} locates: there a setting saved or switched is a change too.
     * Selectors' words count as words ({@code #maintenance-mode-toggle}).
     */
    public static Optional<Action> of(String label, Map<String, String> place) {
        String words = label.replaceAll("(?<=\\p{Alnum})[-_](?=\\p{Alpha})", " ");
        String control = URL.matcher(words).replaceAll(" ");
        return of(words).or(() -> place.isEmpty() || VIEW_CONTROL.matcher(control).find()
                || !STATE_CONTROL.words().matcher(control).find() ? Optional.empty() : Optional.of(action(STATE_CONTROL, words)));
    }

    private static Action action(Row row, String words) {
        return new Action(row.verb(), row.why(), row.scope().orElse(EVERYTHING.matcher(words).find() ? Scope.MANY : Scope.ONE));
    }

    /** A control whose words copy data out (export, download a report): a read that lands the rows here. */
    public static boolean copiesData(Action action) {
        return action.verb() == Verb.READ;
    }

    private static final Pattern SECRET_FIELD = Pattern.compile("(?i)\\b(pass(word|phrase|wd)?|secret|token|api[ -_]?key|"
            + "private[ -_]?key|client[ -_]?secret|access[ -_]?key|mfa|otp|one-time)\\b|password|secret");
    /** Values that are credentials whatever the field: provider keys, connection strings with a password, key blocks. */
    private static final Pattern SECRET_VALUE = Pattern.compile("\\b(sk|rk)_live_\\w+|\\bgh[pousr]_\\w{20,}|\\bAKIA[0-9A-Z]{16}\\b"
            + "|\\bxox[bpa]-[\\w-]+|-----BEGIN [A-Z ]*PRIVATE KEY|\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^@\\s]+@");

    /** A field whose typed value is a credential: a password or secret box, or a value that is one. */
    public static boolean secret(String field, String value) {
        return !value.isBlank() && (SECRET_FIELD.matcher(field).find() || SECRET_VALUE.matcher(value).find());
    }

    /** Editors in a page whose text runs where the page is, in the language it is judged as. */
    public enum Console {
        /** A search cluster's request console (Kibana or OpenSearch Dev Tools): {@code DELETE /logs-*} is that REST call. */
        SEARCH_API,
        /** A database's query editor (pgAdmin's Query Tool, Adminer, phpMyAdmin, a Snowflake worksheet, BigQuery's editor). */
        SQL,
        /** A web terminal (CloudShell, a console's SSH window): a command line. */
        SHELL
    }

    /** Most specific first: a "SQL console" is a query editor, not a terminal. */
    private static final Map<Console, Pattern> CONSOLES = orderedConsoles();

    private static Map<Console, Pattern> orderedConsoles() {
        Map<Console, Pattern> consoles = new LinkedHashMap<>();
        consoles.put(Console.SEARCH_API, Pattern.compile("(?i)\\b(kibana|opensearch|elastic(search)?)\\b.{0,80}\\b(dev ?tools|console)\\b"
                + "|\\bdev ?tools\\b.{0,80}\\b(kibana|opensearch|elastic(search)?)\\b|/app/dev_tools"));
        consoles.put(Console.SQL, Pattern.compile("(?i)(?=.*\\b(sql|pgadmin|adminer|phpmyadmin|snowflake|snowsight|bigquery|athena|redshift|"
                + "databricks|superset|metabase|redash|cloudbeaver|postgres(ql)?|mysql|mariadb|clickhouse|trino|query tool)\\b)"
                + ".*\\b(editor|query tool|worksheet|sql (command|console|lab|query|queries|window|tab|box|runner|workbench)|query window)\\b"));
        consoles.put(Console.SHELL, Pattern.compile("(?i)\\b(terminal|cloud ?shell|shell|command line|xterm|ssh|console input)\\b"));
        return java.util.Collections.unmodifiableMap(consoles);
    }

    /** The console a field is, from its words and the page's address: what is typed into it runs there as code. */
    public static Optional<Console> console(String field) {
        return CONSOLES.entrySet().stream().filter(e -> e.getValue().matcher(field).find()).map(Map.Entry::getKey).findFirst();
    }

    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s)'\"<>,]+");
    private static final Pattern HOST = Pattern.compile("(?i)\\b(localhost|127\\.0\\.0\\.1|(?:[a-z0-9-]+\\.)+(?:com|net|org|io|dev|app|"
            + "cloud|internal|local|corp|site|tech|ai|co|us|eu)|[a-z0-9-]+\\.localhost)(?::\\d+)?(?=[/\\s)'\",:]|$)");
    private static final Pattern STRIPE_MODE = Pattern.compile("\\b(?:sk|pk|rk)_(live|test)(?=_|\\b)");

    /**
     * The locators the text gives the page: the host of a URL or host name in it (the inventory places it), Stripe's
     * mode (its dashboard's {@code /test/} pages and {@code sk_test} keys are test mode; the rest is live), and a
     * production, staging or development word in a name ({@code acme-prod-482113}, "account payments-staging").
     */
    public static Map<String, String> place(String text) {
        Map<String, String> locators = new LinkedHashMap<>();
        Matcher url = URL.matcher(text);
        String host = url.find() ? Hosts.of(url.group()) : "";
        if (host.isEmpty()) {
            Matcher named = HOST.matcher(text);
            host = named.find() ? Hosts.of(named.group()) : "";
        }
        if (!host.isEmpty()) {
            locators.put("host", host);
        }
        Matcher stripe = STRIPE_MODE.matcher(text);
        if (stripe.find()) {
            locators.put("environment", stripe.group(1));
        } else if (host.equals("dashboard.stripe.com")) {
            locators.put("environment", url.reset().find() && NetworkRecognizer.path(url.group()).startsWith("/test") ? "test" : "live");
        }
        DeploymentWords.tierWordIn(text).or(() -> DeploymentWords.development(text))
                .ifPresent(word -> locators.merge("environment", word, (a, b) -> a.equals("test") ? b : a));
        return locators;
    }

    /** Text that places the page on this machine or a development server, and nowhere stricter. */
    public static boolean localOrDev(Map<String, String> locators) {
        String host = locators.getOrDefault("host", "");
        String environment = locators.getOrDefault("environment", "");
        boolean strict = DeploymentWords.named(environment) || environment.equals("live")
                || !host.isEmpty() && DeploymentWords.tierWordIn(host).isPresent();
        boolean near = Hosts.loopback(host) || DeploymentWords.development(host).isPresent() && !host.isEmpty()
                || !environment.isEmpty() && DeploymentWords.development(environment).isPresent();
        return near && !strict;
    }
}
