package dev.interlock.analysis.shell.recognizers.cloud;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IBM Cloud's {@code ibmcloud PLUGIN [OBJECT] COMMAND NAME} ({@code resource service-instance-delete},
 * {@code ks cluster rm}, {@code iam user-policy-create}) and Oracle Cloud's {@code oci SERVICE OBJECT… ACTION --flags}
 * ({@code os bucket delete}, {@code kms management key schedule-deletion}). The verb is the command word's last part
 * ({@code -delete}, {@code rm}, {@code -list}; a bare plural noun lists); policy, role and group changes under
 * {@code iam} are grants; commands that print keys, tokens or credentials are credential reads. The name's own words
 * ({@code prod-cloudant}), {@code --cluster}, the resource group and {@code --profile} place the operation.
 */
public final class IbmAndOracleClouds implements Recognizer {

    /** A command word's last part and what it does. */
    private static final Map<String, Act> VERBS = Map.ofEntries(
            Map.entry("list", read("")), Map.entry("ls", read("")), Map.entry("get", read("")), Map.entry("show", read("")),
            Map.entry("describe", read("")), Map.entry("info", read("")), Map.entry("status", read("")),
            Map.entry("logs", read("")), Map.entry("search", read("")), Map.entry("versions", read("")),
            Map.entry("inspect", read("")), Map.entry("check", read("")),
            Map.entry("delete", delete("")), Map.entry("rm", delete("")), Map.entry("remove", delete("")),
            Map.entry("purge", delete("")), Map.entry("destroy", delete("")), Map.entry("terminate", delete("")),
            Map.entry("deletion", delete("")), Map.entry("reclaim", delete("")), Map.entry("unbind", delete("")),
            Map.entry("create", create("")), Map.entry("add", create("")), Map.entry("new", create("")),
            Map.entry("bind", create("")), Map.entry("upload", create("")), Map.entry("put", create("")),
            Map.entry("import", create("")), Map.entry("deploy", create("")), Map.entry("push", create("")),
            Map.entry("copy", create("")), Map.entry("cp", create("")), Map.entry("invite", create("")),
            Map.entry("update", update("")), Map.entry("set", update("")), Map.entry("unset", update("")),
            Map.entry("reload", update("")), Map.entry("reboot", update("")), Map.entry("restart", update("")),
            Map.entry("stop", update("")), Map.entry("start", update("")), Map.entry("replace", update("")),
            Map.entry("rename", update("")), Map.entry("enable", update("")), Map.entry("disable", update("")),
            Map.entry("resize", update("")), Map.entry("attach", update("")), Map.entry("detach", update("")),
            Map.entry("patch", update("")), Map.entry("apply", update("")), Map.entry("action", update("")),
            Map.entry("restore", update("")), Map.entry("rollback", update("")), Map.entry("scale", update("")),
            Map.entry("invoke", execute("")), Map.entry("run", execute("")), Map.entry("exec", execute("")),
            Map.entry("ssh", execute("")), Map.entry("console", execute("")), Map.entry("submit", execute("")));

    private static final Act LOGIN = new Act(Verb.ESCALATE, "credentials", false, false, Scope.ONE,
            "logs the CLI in as another identity");

    /** ibmcloud commands whose words say something else than their verb. */
    private static final CommandTable IBMCLOUD = CommandTable.builder()
            .add("", "login", LOGIN)
            .add("", "target config logout regions plugin version help api account", local("configuration"))
            .add("cr", "login", local("configuration").note("stores a registry login for docker on this machine"))
            .add("ks cluster", "config", local("kubeconfig").note("writes the cluster's credentials to the local kubeconfig"))
            .add("iam", "oauth-tokens", credential("token").note("prints a bearer token for the logged-in identity"))
            .add("iam", "api-key-create service-api-key-create", credential("api-key").note("creates and prints an API key"))
            .add("resource", "service-key service-key-create", credential("service-key").note("prints the service's credentials"))
            .add("iam", "api-keys service-api-keys", read("api-key"))
            .build();

    /** oci commands whose words say something else than their verb. */
    private static final CommandTable OCI = CommandTable.builder()
            .add("secrets secret-bundle", "get get-secret-bundle-by-name", credential("secret").note("prints a secret's value"))
            .add("iam auth-token", "create", credential("auth-token").note("creates and prints an auth token"))
            .add("iam customer-secret-key", "create", credential("secret-key").note("creates and prints a secret key"))
            .add("iam smtp-credential", "create", credential("smtp-credential").note("creates and prints SMTP credentials"))
            .add("db autonomous-database", "generate-wallet", credential("wallet").note("downloads the database's wallet"))
            .add("os preauth-request", "create", credential("preauth-request").note("mints a URL that reads without credentials"))
            .add("ce cluster", "create-kubeconfig", local("kubeconfig").note("writes the cluster's credentials to the local kubeconfig"))
            .add("session", "authenticate refresh", LOGIN)
            .add("", "setup", local("configuration"))
            .build();

    /** Flags whose value places the operation, and the locator it becomes. */
    private static final Map<String, String> PLACING = Map.of("--cluster", "cluster", "-c", "cluster",
            "-g", "resource-group", "--resource-group-name", "resource-group", "--resource-group", "resource-group",
            "--profile", "profile", "--cluster-id", "cluster");

    /** Flags whose value names the resource when no operand does. */
    private static final List<String> NAMING = List.of("--name", "--bucket-name", "--bucket", "--display-name",
            "--cluster", "--instance-name", "--worker-pool", "--key-id", "--instance-id", "--autonomous-database-id");

    private static final String NAME_PARTS = "[-_.:/]";

    /** Name parts that say a resource is a developer's own (DeploymentWords knows only shared tiers). */
    private static final Set<String> DEV_WORDS = Set.of("dev", "development", "test", "sandbox");

    @Override
    public Set<String> programs() {
        return Set.of("ibmcloud", "oci");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = new ArrayList<>();
        for (Arg a : inv.args()) {
            if (a.value().startsWith("-")) {
                break;
            }
            words.add(a.value().toLowerCase(Locale.ROOT));
        }
        if (words.isEmpty() || inv.words().contains("--help") || inv.words().contains("-h")) {
            return List.of();
        }
        boolean ibm = inv.program().equals("ibmcloud");
        Optional<CommandTable.Found> special = (ibm ? IBMCLOUD : OCI).find(words);
        Act act;
        String command;
        int next;
        if (special.isPresent()) {
            act = special.get().act();
            command = special.get().command();
            next = special.get().words();
        } else {
            int verbAt = ibm ? actionAt(words) : words.size() - 1;
            // ibmcloud's bare nouns list or show: "resource service-instances", "is instances", "iam access-groups"
            int at = verbAt >= 0 ? verbAt : Math.min(words.size(), 2) - 1;
            command = String.join(" ", words.subList(0, at + 1));
            act = (ibm ? verbOf(words.get(at)) : ociVerbOf(words.get(at))).map(v -> typed(words, at, v, ibm)).orElse(read(words.get(at)));
            next = at + 1;
        }
        String name = ibm && next < words.size() ? words.get(next) : named(inv).orElse("");
        Operation.Builder b = act.operation(inv, inv.program(), name).note(act.note().isEmpty() ? inv.program() + " " + command : act.note());
        if (words.getFirst().equals("iam") && act.verb() != Verb.READ && act.verb() != Verb.CREDENTIAL
                && List.of("polic", "role", "group", "member", "user").stream().anyMatch(command::contains)) {
            b.verb(Verb.GRANT).note("changes who may do what: " + inv.program() + " " + command);
        }
        place(inv, b, name);
        return List.of(b.build());
    }

    /** The first command word (after the plugin) whose last part is a verb, or -1. */
    private static int actionAt(List<String> words) {
        for (int i = 1; i < words.size() && i < 4; i++) {
            // "fn action invoke": a noun before the real command word
            if (verbOf(words.get(i)).isPresent() && !(words.get(i).equals("action") && i + 1 < words.size())) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Act> verbOf(String word) {
        String[] parts = word.split("-");
        return Optional.ofNullable(VERBS.get(parts[parts.length - 1]));
    }

    /**
     * oci's action words lead with their verb ({@code add-user}, {@code list-vnics}, {@code remove-member}) unless they
     * end with it ({@code bulk-delete}, {@code schedule-key-deletion}).
     */
    private static Optional<Act> ociVerbOf(String word) {
        return Optional.ofNullable(VERBS.get(word.split("-")[0])).or(() -> verbOf(word));
    }

    /** The act on the object the command word names ({@code service-instance-delete}) or the word before it. */
    private static Act typed(List<String> words, int at, Act act, boolean ibm) {
        String word = words.get(at);
        String object = at > 0 && (!ibm || VERBS.containsKey(word)) ? words.get(at - 1)
                : word.contains("-") ? word.substring(0, word.lastIndexOf('-')) : word;
        return object.startsWith("bulk") || word.startsWith("bulk-") ? act.on(object).many() : act.on(object);
    }

    private static Optional<String> named(Invocation inv) {
        for (String flag : NAMING) {
            Optional<String> v = value(inv, flag);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** The value after {@code flag} ({@code --flag V} or {@code --flag=V}). */
    private static Optional<String> value(Invocation inv, String flag) {
        List<String> w = inv.words();
        for (int i = 0; i < w.size(); i++) {
            if (w.get(i).equals(flag) && i + 1 < w.size() && !w.get(i + 1).startsWith("-")) {
                return Optional.of(w.get(i + 1));
            }
            if (w.get(i).startsWith(flag + "=")) {
                return Optional.of(w.get(i).substring(flag.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** The flags that place it, the CLI's profile variable, and a tier the name itself says (prod-cloudant). */
    private static void place(Invocation inv, Operation.Builder b, String name) {
        b.locator("profile", inv.env().getOrDefault("OCI_CLI_PROFILE", ""));
        PLACING.forEach((flag, locator) -> value(inv, flag).ifPresent(v -> b.locator(locator, v)));
        List<String> words = new ArrayList<>(List.of(name.split(NAME_PARTS)));
        value(inv, "--bucket-name").or(() -> value(inv, "--bucket")).ifPresent(v -> words.addAll(List.of(v.split(NAME_PARTS))));
        words.stream().map(w -> DEV_WORDS.contains(w) ? Optional.of("dev") : DeploymentWords.tierOf(w)).flatMap(Optional::stream)
                .findFirst().ifPresent(t -> b.locator("environment", t));
    }
}
