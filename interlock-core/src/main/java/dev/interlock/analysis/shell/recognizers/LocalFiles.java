package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.filesystem.FileTarget;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.environment.TierWords;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;

/**
 * Builds filesystem operations on paths found by the interpreter, credential, privilege and self-protection
 * recognizers the way the filesystem recognizer does: resolved path and area as locators, local unless a wrapper moved
 * the command to another host.
 */
public final class LocalFiles {

    private LocalFiles() {
    }

    /** A filesystem operation on {@code path} ({@code type} is file, directory, stdin, …). */
    public static Operation.Builder on(Invocation inv, Verb verb, String type, String path) {
        Workspace ws = inv.workspace();
        Operation.Builder b = Operation.builder("filesystem", verb).evidence(inv.evidence());
        java.util.Optional<String> share = uncHost(path);
        // on Linux and macOS //host/share is a local path; it names a host where Windows reads it, or as an admin share (c$)
        if (share.isPresent() && (path.charAt(0) == '\\' || windows(ws) || Regex.find(path, "^//[^/]+/[A-Za-z]\\$(/|$)"))) {
            // \\HOST\share\… is HOST's disk (c$ its whole drive): the inventory places it, not this machine's layout
            String unc = "//" + path.replace('\\', '/').replaceFirst("^/+", "");
            return b.resource(type, unc).locator("path", unc).locator("area", Workspace.Area.OTHER.wire()).locator("host", share.get());
        }
        if (path.isEmpty()) {
            b.resource(type, "");
        } else {
            b.resource(type, ws.resolve(path)).locator("path", ws.resolve(path)).locator("area", ws.area(path).wire());
        }
        return local(inv, b, "file on this machine");
    }

    /** A workspace on a Windows drive ({@code /C:/Users/dev/src} once normalized). */
    private static boolean windows(Workspace ws) {
        return ws.cwd().length() >= 3 && ws.cwd().charAt(2) == ':';
    }

    /**
     * The host a UNC path names ({@code \\web-prod-01\c$\inetpub}, {@code //web-prod-01/c$/inetpub}), lower case; empty
     * for any other path. Tested by its first two characters before any pattern work: this runs for every path.
     */
    public static java.util.Optional<String> uncHost(String path) {
        if (path.length() < 4 || path.charAt(0) != path.charAt(1) || path.charAt(0) != '\\' && path.charAt(0) != '/') {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher m = UNC.matcher(path);
        return m.matches() ? java.util.Optional.of(m.group(1).toLowerCase(java.util.Locale.ROOT)) : java.util.Optional.empty();
    }

    /** Two separators, a host name (not a variable or a pattern), one more separator and the share. */
    private static final java.util.regex.Pattern UNC = java.util.regex.Pattern.compile("[\\\\/]{2}([A-Za-z0-9][A-Za-z0-9.-]*)[\\\\/][^\\\\/].*");

    /** Marks the operation local when it runs on this machine; on an ssh host or pod the analyzer adds locators. */
    public static Operation.Builder local(Invocation inv, Operation.Builder b, String why) {
        if (!inv.remote()) {
            b.environment(Tier.LOCAL, why);
        }
        return b;
    }

    /**
     * Where code Interlock cannot see into runs, when the command line names it: a deployment environment in an
     * operand or an environment option ({@code ./deploy.sh production}, {@code backfill.py --env prod}) or in a
     * variable set for the command ({@code DEPLOY_ENV=prod ./release.sh}). Only production and staging words count ({@link DeploymentWords}):
     * those are what a script carries somewhere else; build-mode variables such as {@code NODE_ENV} do not.
     */
    public static java.util.Optional<String> namedEnvironment(Invocation inv) {
        return namedEnvironment(inv.env(), inv.args());
    }

    public static java.util.Optional<String> namedEnvironment(java.util.Map<String, String> env,
                                                              java.util.List<dev.interlock.analysis.shell.Arg> args) {
        for (String variable : ENVIRONMENT_VARIABLES) {
            String value = env.get(variable);
            if (value != null && DeploymentWords.named(value)) {
                return java.util.Optional.of(value);
            }
        }
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            int eq = w.indexOf('=');
            if (w.startsWith("-") && eq > 0 && ENVIRONMENT_OPTIONS.contains(w.substring(0, eq))) {
                w = w.substring(eq + 1);
            } else if (ENVIRONMENT_OPTIONS.contains(w) && i + 1 < args.size()) {
                w = args.get(++i).value();
            } else if (w.startsWith("-")) {
                continue;
            }
            if (DeploymentWords.named(w) || namedInAPhrase(w)) {
                return java.util.Optional.of(w);
            }
            // a list of profiles (--spring.profiles.active=prod,metrics): any one of them
            java.util.Optional<String> listed = java.util.Arrays.stream(w.split(",")).filter(DeploymentWords::named).findFirst();
            if (w.indexOf(',') > 0 && listed.isPresent()) {
                return listed;
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * {@code --name "Deploy to Prod"}, {@code -var-file=prod.pkrvars.hcl}, {@code acme-prod:sales.orders}: a short name of a
     * few words or dotted parts, one of them an environment's (prose does not count). A word negated is not named: a test
     * selection such as pytest's {@code -k "webhook and not live"} leaves those tests out.
     */
    private static boolean namedInAPhrase(String w) {
        String[] words = w.strip().split("[\\s.:]+");
        if (words.length < 2 || words.length > 5) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            boolean negated = i > 0 && TierWords.negates(words[i - 1]);
            if (!negated && DeploymentWords.named(words[i])) {
                return true;
            }
        }
        return false;
    }

    /** Local unless the command line names a deployment environment for it ({@link #namedEnvironment}). */
    public static Operation.Builder localUnlessNamed(Invocation inv, Operation.Builder b, String why) {
        java.util.Optional<String> named = namedEnvironment(inv);
        if (named.isPresent()) {
            return b.locator("environment", named.get());
        }
        return local(inv, b, why);
    }

    /** A variable that names a server by URL, host or broker list: {@code DATABASE_URL=postgresql://app@db.prod.internal/shop}, {@code PGHOST=…}, {@code KAFKA_BOOTSTRAP=…}. */
    /**
     * Servers a program uses as tooling, not as the system it acts on: browser grids and remote browsers, mock servers,
     * proxies, telemetry and error reporting, package registries. {@code SELENIUM_REMOTE_URL=http://selenium-hub:4444}
     * or {@code SENTRY_DSN=https://…@sentry.io/1} does not say where a test run or a script does its work.
     */
    private static final java.util.regex.Pattern TOOLING_VARIABLE = java.util.regex.Pattern.compile(
            "(?i)(SELENIUM|WEBDRIVER|BROWSERSTACK|SAUCE|LAMBDATEST|PW_TEST_CONNECT|PLAYWRIGHT|BROWSER_WS|CHROME|WIREMOCK|MOCK"
                    + "|HTTPS?_PROXY|ALL_PROXY|NO_PROXY|PROXY|OTEL|SENTRY|DD_|HONEYCOMB|PIP_|NPM_|YARN_|GOPROXY|CARGO_|MAVEN|GRADLE|NEXUS"
                    + "|ARTIFACTORY|REGISTRY"
                    // a load generator's own outputs, cloud and coordinator, not the service it loads
                    + "|K6_(?:OUT|CLOUD|INFLUXDB|PROMETHEUS|STATSD|OTEL|DATADOG|ELASTICSEARCH|KAFKA|TIMESCALEDB|WEB_DASHBOARD)"
                    + "|LOCUST_(?:MASTER|WEB)|ARTILLERY_CLOUD)\\w*");
    private static final java.util.regex.Pattern SERVER_VARIABLE = java.util.regex.Pattern.compile("\\w*(?:_URL|_URI|_DSN|HOST|_ENDPOINT|_ADDR|_SERVER|_SERVERS|_BOOTSTRAP|_BROKERS|__CREDENTIALS)");

    /**
     * The remote server a script's environment points it at: code Interlock cannot read inherits where its variables send
     * it (a loopback address keeps it on this machine).
     */
    public static java.util.Optional<String> serverInEnv(java.util.Map<String, String> env) {
        return env.entrySet().stream()
                .filter(e -> SERVER_VARIABLE.matcher(e.getKey()).matches() && !TOOLING_VARIABLE.matcher(e.getKey()).matches())
                // dlt's DESTINATION__POSTGRES__CREDENTIALS: a connection string, or a secret that names no server
                .filter(e -> e.getValue().contains("://") || !e.getKey().endsWith("_URL") && !e.getKey().endsWith("_URI")
                        && !e.getKey().endsWith("__CREDENTIALS"))
                .map(e -> dev.interlock.environment.Hosts.of(e.getValue().split(",")[0])) // a broker list: its first broker
                .filter(h -> dev.interlock.analysis.Regex.matches(h, "[a-z0-9][a-z0-9.-]*[a-z0-9]") && !dev.interlock.environment.Hosts.loopback(h))
                .findFirst();
    }


    private static final java.util.List<String> ENVIRONMENT_VARIABLES = java.util.List.of("DEPLOY_ENV", "ENVIRONMENT", "STAGE",
            "APP_ENV", "TARGET_ENV", "DEPLOY_TARGET", "TIER", "ENV",
            // a framework's environment picks the configuration, and with it the database, the program talks to
            "MIX_ENV", "RAILS_ENV", "RACK_ENV", "SPRING_PROFILES_ACTIVE", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
            "QUARKUS_PROFILE", "MICRONAUT_ENVIRONMENTS",
            // payment platforms' SDK modes (production/live or sandbox/test): a live mode moves real customers' money
            "BRAINTREE_ENVIRONMENT", "BT_ENVIRONMENT", "PAYPAL_MODE", "PAYPAL_ENVIRONMENT", "ADYEN_ENVIRONMENT", "SQUARE_ENVIRONMENT",
            "PADDLE_ENVIRONMENT", "ZUORA_ENVIRONMENT", "CHARGEBEE_ENVIRONMENT", "RECURLY_ENVIRONMENT", "LEMONSQUEEZY_ENVIRONMENT");
    private static final java.util.Set<String> ENVIRONMENT_OPTIONS = java.util.Set.of("--env", "-e", "--environment", "--stage",
            "-s", "--target", "-t", "--tier", "--to", "-var-file", "--var-file", "--values",
            // a JVM framework's profile, as the program's option, a system property, or the Spring Boot plugin's property
            "--spring.profiles.active", "-Dspring.profiles.active", "-Dspring-boot.run.profiles", "-Dquarkus.profile",
            "-Dmicronaut.environments");
    public static Operation read(Invocation inv, String path) {
        return on(inv, Verb.READ, "file", path).build();
    }

    /**
     * A programmatic delete. Unlike {@code rm -rf} in a temp directory it is never called reversible: the path comes
     * out of code, so what lives there is unknown. Recursive deletes lose data; whole homes, system trees and the root
     * are scope all.
     */
    public static Operation delete(Invocation inv, String path, boolean recursive, Confidence confidence, String note) {
        Workspace.Area area = path.isEmpty() ? Workspace.Area.OTHER : inv.workspace().area(path);
        Scope scope = recursive ? Scope.MANY : Scope.ONE;
        if (area == Workspace.Area.ROOT || area == Workspace.Area.HOME_ROOT || (recursive && area == Workspace.Area.SYSTEM)) {
            scope = Scope.ALL;
        }
        // shutil.rmtree('build'), fs.rmSync('dist'): build output in the workspace comes back with the next build, as
        // a tool's cache or one installed version in the home directory comes back with the tool (judged as rm would)
        boolean regenerable = !path.isEmpty() && (area == Workspace.Area.WORKSPACE || area == Workspace.Area.HOME)
                && FileTarget.of(dev.interlock.analysis.shell.Arg.of(path), inv).regenerable();
        return on(inv, Verb.DELETE, recursive ? "directory" : "file", path)
                .scope(scope)
                // one system file (a log, the audit trail) is lost as with rm of it; one of the project's is not
                .stateful(!regenerable && (recursive || path.isEmpty() || area == Workspace.Area.SYSTEM))
                .reversible(regenerable)
                .confidence(confidence)
                .note(note)
                .build();
    }

    /** A process run on this machine that changes nothing we can name (plain scripts, builds, harmless one-liners). */
    public static Operation execute(Invocation inv, String name, String note) {
        Operation.Builder b = Operation.builder("process", Verb.EXECUTE)
                .resource("program", name)
                .confidence(Confidence.INFERRED)
                .evidence(inv.evidence())
                .note(note);
        return local(inv, b, "runs on this machine").build();
    }

    /** Code or a command whose effect cannot be determined statically. */
    public static Operation opaque(Invocation inv, String note) {
        Operation.Builder b = Operation.builder("process", Verb.UNKNOWN)
                .resource("program", inv.program())
                .confidence(Confidence.OPAQUE)
                .reversible(false)
                .evidence(inv.evidence())
                .note(note);
        return local(inv, b, "runs on this machine").build();
    }

    /** Whether a file called {@code name} is one builds and runs make again (compiled files, logs, temporaries). */
    public static boolean regenerableName(String name) {
        return FileTarget.regenerableName(name);
    }

    /** {@link FileTarget#regenerablePattern}: a find {@code -name} or {@code -path} pattern that matches only what tools make again. */
    public static boolean regenerablePattern(String pattern, boolean path) {
        return FileTarget.regenerablePattern(pattern, path);
    }

    public static String basename(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }
}
