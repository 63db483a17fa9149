package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.analysis.shell.recognizers.Emulators;
import dev.interlock.analysis.shell.recognizers.iac.IacArgs;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google Cloud's {@code gcloud} and {@code gsutil}. A gcloud command is {@code gcloud GROUP… ACTION [NAME…] [flags]}:
 * the action word decides the verb ({@link GcloudTable}), the groups decide the resource type, and
 * {@code --project}, {@code --region}/{@code --zone} and {@code --configuration} locate it. Identity changes
 * ({@code auth login}, {@code --impersonate-service-account}, {@code config set account}) are escalations. A command
 * pointed at an emulator on this machine is a local sandbox ({@link Emulators#gcloud}).
 */
public final class GcloudRecognizer implements Recognizer {

    static final String SYSTEM = "gcp";

    /** Flags that never take a value; any other flag followed by a plain word takes it (gcloud's usual form). */
    private static final Set<String> BOOLEANS = Set.of("quiet", "q", "async", "recursive", "r", "R", "all", "force",
            "log-http", "dry-run", "verbose", "all-versions", "a", "no-user-output-enabled", "internal-ip",
            "tunnel-through-iap", "show-secrets", "uri", "no-clobber", "n", "continue-on-error", "help", "h",
            "allow-unauthenticated", "delete-unmatched-destination-objects", "update-adc", "cred-file",
            "no-launch-browser", "brief", "admin", "strict-ssl", "auto-ack", "return-immediately");

    private static final Pattern SERVICE_ACCOUNT = Pattern.compile("@([a-z][a-z0-9-]+)\\.iam\\.gserviceaccount\\.com");
    private static final Pattern PROJECT_PATH = Pattern.compile("(?:^|/)projects/([^/]+)");
    /** An image's address names its project: LOCATION-docker.pkg.dev/PROJECT/REPO/IMAGE, [REGION.]gcr.io/PROJECT/IMAGE. */
    private static final Pattern IMAGE_PATH = Pattern.compile("^(?:[a-z0-9-]+-docker\\.pkg\\.dev|(?:[a-z]+\\.)?gcr\\.io)/([a-z][a-z0-9-]{4,28}[a-z0-9])(?:/|$)");

    @Override
    public Set<String> programs() {
        return Set.of("gcloud", "gsutil");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.program().equals("gsutil")) {
            return GcsCommands.gsutil(inv);
        }
        return analyze(inv, nested);
    }

    static IacArgs parse(List<Arg> args) {
        Set<String> booleans = new HashSet<>(BOOLEANS);
        for (Arg a : args) {
            String w = a.value();
            if (w.startsWith("--no-") || w.startsWith("--enable-") || w.startsWith("--disable-")) {
                booleans.add(w.substring(2));
            }
        }
        return IacArgs.parse(args, Set.of(), booleans, true);
    }

    private List<Operation> analyze(Invocation inv, Nested nested) {
        IacArgs a = parse(inv.args());
        List<Arg> words = new ArrayList<>(a.positionals());
        if (!words.isEmpty() && GcloudTable.TRACKS.contains(words.getFirst().value())) {
            words.removeFirst();
        }
        if (words.isEmpty() || a.has("help", "h") || words.getFirst().value().equals("help")) {
            return List.of();
        }
        List<Operation> ops = new ArrayList<>();
        identity(inv, a, "impersonate-service-account").ifPresent(sa -> ops.add(base(inv, a, Verb.ESCALATE)
                .resource("service-account", sa).note("acts as the service account " + sa).build()));
        identity(inv, a, "account").ifPresent(account -> ops.add(base(inv, a, Verb.ESCALATE)
                .resource("credentials", account).note("acts as the account " + account).build()));
        if (words.getFirst().value().equals("storage") && words.size() > 1
                && Set.of("rm", "cp", "mv", "rsync", "ls", "cat", "du", "hash").contains(words.get(1).value())) {
            ops.addAll(GcsCommands.storage(inv, a, words.get(1).value(), words.subList(2, words.size())));
            return ops;
        }
        // "deploy" and "run" are groups when they come first ("gcloud deploy releases create", "gcloud run deploy").
        int actionAt = -1;
        for (int i = GcloudTable.FIRST_GROUPS.contains(words.getFirst().value()) ? 1 : 0; i < words.size(); i++) {
            if (GcloudTable.action(words.get(i).value()).isPresent()) {
                actionAt = i;
                break;
            }
        }
        for (int i = 0; actionAt < 0 && i < words.size(); i++) {
            if (!words.get(i).literal()) {
                actionAt = i;
            }
        }
        if (actionAt < 0) {
            List<String> path = words.stream().map(Arg::value).toList();
            if (Set.of("init", "version", "info", "topic", "cheat-sheet", "feedback", "survey").contains(path.getFirst())) {
                ops.add(base(inv, a, Verb.READ).resource("configuration", "").build());
            } else {
                ops.add(base(inv, a, Verb.UNKNOWN).resource(GcloudTable.kind(path).type(), "")
                        .confidence(Confidence.INFERRED).note("unrecognized gcloud command '" + String.join(" ", path) + "'").build());
            }
            return ops;
        }
        List<String> groups = words.subList(0, actionAt).stream().map(Arg::value).toList();
        String action = words.get(actionAt).value();
        List<Arg> names = words.subList(actionAt + 1, words.size());
        // An action from a variable is read the strictest way, as a delete.
        Verb verb = words.get(actionAt).literal() ? GcloudTable.action(action).orElse(Verb.UNKNOWN) : Verb.DELETE;
        if (action.equals("scp") && !names.isEmpty()) {
            // Copying to HOST:PATH sends local data to the instance; copying from it only reads.
            verb = names.getLast().value().contains(":") ? Verb.TRANSFER : Verb.READ;
        }
        boolean autoAck = false;
        if (action.equals("pull") && groups.contains("subscriptions")) {
            // messages pulled without --auto-ack stay unacknowledged and are redelivered: a look at the backlog
            autoAck = a.has("auto-ack");
            verb = autoAck ? Verb.UPDATE : Verb.READ;
        }
        String top = groups.isEmpty() ? "" : groups.getFirst();
        if (top.equals("config") || top.equals("auth") || top.equals("components") || top.equals("emulators")) {
            ops.add(configuration(inv, a, groups, action, names, verb));
            return ops;
        }
        GcloudTable.Kind kind = GcloudTable.kind(groups);
        String type = kind.type();
        if (action.equals("get-credentials")) {
            ops.add(configuration(inv, a, groups, action, names, verb));
            return ops;
        }
        if (groups.contains("keys") && groups.contains("service-accounts") && verb == Verb.CREATE) {
            verb = Verb.CREDENTIAL;
        } else if (groups.contains("iam") && groups.getLast().equals("roles") && verb != Verb.READ) {
            verb = Verb.GRANT;
        } else if (GcloudTable.printsSecrets(groups, action)) {
            verb = Verb.CREDENTIAL;
        }
        String name = String.join(",", names.stream().map(Arg::value).toList());
        if (groups.contains("secrets") && a.value("secret").isPresent()) {
            name = a.value("secret").get() + (name.isEmpty() ? "" : "@" + name);
        } else if (name.isEmpty()) {
            name = a.value(type).orElse("");
        }
        Operation.Builder b = base(inv, a, verb).resource(type, name);
        if (top.equals("apigee")) {
            // an Apigee organization is named after the Cloud project that hosts it; its environment is where a proxy serves
            a.value("organization").ifPresent(org -> b.locator("project", org));
            b.locator("environment", a.value("environment").orElse(""));
        }
        // The resource's own name often says where it is (prod-cluster, orders-prod-db): offer it to the inventory.
        if (names.size() == 1 && Set.of("project", "cluster", "database").contains(type)) {
            b.locator(type, names.getFirst().value());
        }
        b.locator("cluster", a.value("cluster").orElse(""));
        for (Arg n : names) {
            Matcher m = PROJECT_PATH.matcher(n.value());
            if (m.find()) {
                b.locator("project", m.group(1));
            }
            Matcher image = IMAGE_PATH.matcher(n.value());
            if (image.find()) {
                b.locator("project", image.group(1));
            }
        }
        boolean certain = words.get(actionAt).literal() && names.stream().allMatch(Arg::literal)
                && a.literal("project", "region", "zone", "configuration");
        b.confidence(certain ? Confidence.EXACT : Confidence.INFERRED);
        List<String> notes = new ArrayList<>();
        if (action.equals("scp") && verb == Verb.READ) {
            // gcloud compute scp db-1:/var/backups/pg/orders.dump .: a database's rows brought here, as scp's are
            for (Arg source : names.subList(0, names.size() - 1)) {
                int colon = source.value().indexOf(':');
                if (colon > 0 && DatabaseOps.holdsDataCopy(source.value().substring(colon + 1))) {
                    b.locator(DatabaseOps.COPIES_DATA, "backup");
                    notes.add("copies a database dump or backup from " + source.value().substring(0, colon) + " to this machine");
                    break;
                }
            }
        }
        boolean glob = names.stream().anyMatch(n -> n.glob() || n.value().contains("*"));
        b.scope(glob || kind.wholeEnvironment() && verb.destructive() ? Scope.ALL : names.size() > 1 ? Scope.MANY : Scope.ONE);
        if (verb.destructive() || verb == Verb.UPDATE && (action.equals("import") || action.equals("reset"))) {
            b.stateful(kind.stateful() || action.equals("import") || action.equals("restore"));
            b.reversible(false);
            if (type.equals("project")) {
                notes.add("the project and everything in it shut down at once; only an undelete within 30 days brings it back");
            }
        }
        switch (verb) {
            case GRANT -> notes.add(grantNote(a));
            case CREDENTIAL -> notes.add(action.equals("create") ? "creates and downloads a service-account key" : "prints a secret");
            case EXECUTE -> {
                Optional<Arg> sql = a.arg("sql");
                if (action.equals("execute-sql") && sql.isPresent()) {
                    ops.addAll(CloudSql.statements(sql.get().value(), sql.get().literal(), b.build(), inv, nested));
                    return ops;
                }
                if (groups.contains("composer") && action.equals("run") && names.size() > 1) {
                    // composer environments run ENV SUBCOMMAND: the Airflow CLI of that environment, judged as that
                    // command there (dags list reads, dags delete deletes), in the environment's project
                    return RemoteRuns.placed(airflow(inv, a, names, nested), b.build());
                }
                List<Operation> inner = remoteCommand(inv, a, names, nested);
                if (!inner.isEmpty()) {
                    return RemoteRuns.placed(inner, b.build());
                }
            }
            default -> { }
        }
        if (action.equals("disable") && groups.contains("services")) {
            notes.add("disabling an API can delete the resources that use it");
        } else if (action.equals("stop") || action.equals("reset")) {
            notes.add(action.equals("reset") ? "hard-resets the machine" : "stops serving until started again");
        }
        if (autoAck) {
            notes.add("acknowledges what it pulls: the subscription's consumers never get those messages");
        }
        if (!inv.remote()) {
            String project = a.value("project").orElse(inv.env().getOrDefault("CLOUDSDK_CORE_PROJECT",
                    inv.env().getOrDefault("GOOGLE_CLOUD_PROJECT", "")));
            Emulators.gcloud(top, project, inv.env()).ifPresent(why -> b.environment(Tier.LOCAL, why));
        }
        if (a.has("quiet", "q") && verb != Verb.READ) {
            notes.add("no confirmation prompt");
        }
        ops.addFirst(b.note(String.join("; ", notes)).build());
        return ops;
    }

    /** {@code gcloud config|auth|components …}: settings and identity of gcloud on this machine. */
    private Operation configuration(Invocation inv, IacArgs a, List<String> groups, String action, List<Arg> names, Verb verb) {
        String property = names.isEmpty() ? "" : names.getFirst().value();
        String value = names.size() > 1 ? names.get(1).value() : "";
        Operation.Builder b = base(inv, a, verb).resource("configuration", property).scope(Scope.ONE);
        if (verb == Verb.READ || verb == Verb.CREDENTIAL || verb == Verb.ESCALATE) {
            String note = verb == Verb.ESCALATE ? "changes the identity gcloud acts as"
                    : verb == Verb.CREDENTIAL ? "prints an access token" : "";
            return b.resource(groups.getFirst().equals("auth") ? "credentials" : "configuration", property).note(note).build();
        }
        if (action.equals("set") && (property.equals("account") || property.endsWith("impersonate_service_account"))) {
            return b.verb(Verb.ESCALATE).note("gcloud will act as " + value).build();
        }
        if (action.equals("set") && property.equals("project")) {
            b.locator("project", value);
        } else if (action.equals("activate")) {
            b.locator("profile", property);
        }
        String note = "changes gcloud's settings on this machine";
        if (action.equals("get-credentials")) {
            b.resource("kubeconfig", property);
            note = "writes the cluster's credentials to the local kubeconfig; kubectl will point at " + property;
        }
        if (!inv.remote()) {
            b.environment(Tier.LOCAL, "gcloud " + String.join(" ", groups) + " " + action + " changes settings on this machine only");
        }
        return b.note(note).build();
    }

    private static String grantNote(IacArgs a) {
        String role = a.value("role").orElse("a role");
        String member = a.value("member").orElse("");
        String note = "grants " + role + (member.isEmpty() ? "" : " to " + member);
        if (member.startsWith("serviceAccount:") || member.startsWith("user:")) {
            note += "; whether this is the agent's own identity cannot be told from the command";
        }
        return note;
    }

    /**
     * {@code gcloud composer environments run ENV --location L dags list -- ARGS}: the words after the environment and
     * those after {@code --} are an {@code airflow} command line run in the environment's workers, never here.
     */
    private static List<Operation> airflow(Invocation inv, IacArgs a, List<Arg> names, Nested nested) {
        StringBuilder line = new StringBuilder("airflow");
        List<Arg> words = new ArrayList<>(names.subList(1, names.size()));
        words.addAll(a.afterDoubleDash());
        for (Arg w : words) {
            line.append(" '").append(w.value().replace("'", "'\\''")).append('\'');
        }
        Invocation remote = new Invocation(inv.program(), inv.args(), inv.env(), inv.workspace(), inv.evidence(),
                inv.stdin(), Map.of("composer-environment", names.getFirst().value()));
        return nested.shell(line.toString(), remote);
    }

    /** {@code gcloud compute ssh VM --command CMD}: the command runs on the VM, so it is analysed as remote. */
    private static List<Operation> remoteCommand(Invocation inv, IacArgs a, List<Arg> names, Nested nested) {
        Optional<String> command = a.value("command");
        if (command.isEmpty() && !a.afterDoubleDash().isEmpty()) {
            command = Optional.of(String.join(" ", a.afterDoubleDash().stream().map(Arg::value).toList()));
        }
        if (command.isEmpty() || names.isEmpty()) {
            return List.of();
        }
        String host = names.getFirst().value();
        host = host.contains("@") ? host.substring(host.indexOf('@') + 1) : host;
        Invocation remote = new Invocation(inv.program(), inv.args(), inv.env(), inv.workspace(), inv.evidence(),
                inv.stdin(), Map.of("host", host));
        return nested.shell(command.get(), remote);
    }

    /**
     * The identity a run switches to, by flag or by the property variable gcloud reads in the flag's place
     * ({@code CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT=sa@… gcloud …} is {@code --impersonate-service-account=sa@…}).
     */
    private static Optional<String> identity(Invocation inv, IacArgs a, String flag) {
        Optional<String> given = a.arg(flag).map(Arg::value);
        return given.isPresent() ? given
                : Optional.ofNullable(inv.env().get(IDENTITY_VARIABLES.get(flag))).filter(v -> !v.isBlank());
    }

    /** gcloud's properties as variables ({@code CLOUDSDK_SECTION_PROPERTY}) for the flags that switch identity. */
    private static final Map<String, String> IDENTITY_VARIABLES = Map.of(
            "impersonate-service-account", "CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT",
            "account", "CLOUDSDK_CORE_ACCOUNT");

    /** An operation carrying this run's locators. */
    static Operation.Builder base(Invocation inv, IacArgs a, Verb verb) {
        String project = a.value("project").orElse(inv.env().getOrDefault("CLOUDSDK_CORE_PROJECT",
                inv.env().getOrDefault("GOOGLE_CLOUD_PROJECT", "")));
        if (project.isEmpty()) {
            // A service account's address names its project: sa@shop-prod.iam.gserviceaccount.com.
            List<String> candidates = new ArrayList<>(a.values("iam-account", "impersonate-service-account", "member", "service-account")
                    .stream().map(Arg::value).toList());
            candidates.add(inv.env().getOrDefault(IDENTITY_VARIABLES.get("impersonate-service-account"), ""));
            candidates.addAll(a.positionals().stream().map(Arg::value).toList());
            for (String account : candidates) {
                Matcher m = SERVICE_ACCOUNT.matcher(account);
                if (m.find()) {
                    project = m.group(1);
                }
            }
        }
        return Operation.builder(SYSTEM, verb).evidence(inv.evidence())
                .locator("project", project)
                .locator("region", a.value("region", "zone", "location").orElse(""))
                .locator("profile", a.value("configuration").orElse(inv.env().getOrDefault("CLOUDSDK_ACTIVE_CONFIG_NAME", "")));
    }
}
