package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS CLI: {@code aws [global options] SERVICE OPERATION [options]}, and {@code awslocal}, its LocalStack wrapper.
 * The operation's leading verb word gives the backbone reading ({@link AwsVerbs}); the service tables
 * ({@link AwsServiceTable}, {@link AwsIamTable}) and the option rules ({@link AwsRules}) correct it; {@link AwsS3}
 * reads the path-based {@code aws s3} commands. Locators: {@code profile}, {@code region}, {@code account} (from ARNs),
 * {@code host} (from {@code --endpoint-url}), and resource names that are environments in the inventory
 * ({@code stack}, {@code database}, {@code cluster}).
 */
public final class AwsRecognizer implements Recognizer {

    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]*:([a-z0-9-]*):(\\d{12}):");

    /** Identifier options that name an environment-level thing, and the inventory locator kind they feed. */
    private static final Map<String, String> NAME_LOCATORS = Map.ofEntries(
            Map.entry("--stack-name", "stack"), Map.entry("--stack-set-name", "stack"),
            Map.entry("--db-instance-identifier", "database"), Map.entry("--db-cluster-identifier", "database"),
            Map.entry("--target-db-instance-identifier", "database"),
            Map.entry("--source-db-instance-identifier", "database"),
            Map.entry("--cluster", "cluster"), Map.entry("--cluster-name", "cluster"),
            Map.entry("--cluster-identifier", "cluster"), Map.entry("--cache-cluster-id", "cluster"),
            Map.entry("--replication-group-id", "cluster"), Map.entry("--cluster-arn", "cluster"));

    /** Operations that send SQL to a managed database, and the option that carries it. */
    private static final Map<String, String> SQL_FLAGS = Map.of(
            "rds-data execute-statement", "--sql", "rds-data batch-execute-statement", "--sql",
            "redshift-data execute-statement", "--sql", "athena start-query-execution", "--query-string");

    /** Options never taken as the resource name. */
    private static final Set<String> NOT_NAMES = Set.of("--profile", "--region", "--endpoint-url", "--output",
            "--query", "--role-session-name", "--ca-bundle", "--color", "--client-request-token", "--kms-key-id");

    @Override
    public Set<String> programs() {
        return Set.of("aws", "awslocal");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return analyze(inv, nested);
    }

    private List<Operation> analyze(Invocation inv, Nested nested) {
        AwsCommand cmd = AwsCommand.parse(inv.args());
        String service = cmd.serviceName().toLowerCase(Locale.ROOT);
        String operation = cmd.operationName().toLowerCase(Locale.ROOT);
        if (cmd.help() || service.isEmpty()) {
            return List.of();
        }
        if (!cmd.service().literal() || !cmd.operation().literal()) {
            return List.of(finish(Operation.builder("aws", Verb.UNKNOWN).confidence(Confidence.INFERRED)
                    .note("the service or operation comes from a variable"), cmd, inv, false));
        }
        if (service.equals("s3") && !operation.isEmpty()) {
            List<Operation> ops = new ArrayList<>(AwsS3.recognize(operation, cmd.rest()).stream()
                    .map(b -> finish(b, cmd, inv, false)).toList());
            // aws s3 cp ~/.aws/credentials s3://…: the secret read here and sent to a bucket
            AwsS3.uploaded(operation, cmd.rest()).filter(src -> CredentialRecognizer.secret(inv, src)).ifPresent(src -> {
                ops.add(CredentialRecognizer.secretFile(inv, src.value()));
                ops.add(NetworkRecognizer.exfiltration("credentials", inv.workspace().resolve(src.value()), "s3",
                        inv.evidence(), ops.getFirst().resource().locators()));
            });
            return ops;
        }
        if (service.equals("configure")) {
            return List.of(finish(configure(operation, cmd), cmd, inv, false));
        }
        if (operation.isEmpty()) {
            return List.of();
        }
        AwsAction action = AwsIamTable.lookup(service, operation)
                .or(() -> AwsServiceTable.lookup(service, operation))
                .orElseGet(() -> AwsVerbs.infer(operation));
        action = AwsRules.refine(service, operation, cmd, action);
        Operation.Builder b = Operation.builder("aws", action.verb()).scope(action.scope())
                .stateful(action.losesData()).reversible(action.undoable()).confidence(action.confidence())
                .note(action.note());
        List<Arg> names = names(cmd, action);
        String name = String.join(",", names.stream().map(Arg::value).toList());
        b.resource(action.type(), name);
        if (names.size() > 1 && action.scope() == Scope.ONE) {
            b.scope(Scope.MANY);
        }
        if (names.stream().anyMatch(a -> !a.literal() || a.glob())) {
            b.confidence(Confidence.INFERRED);
        }
        if (service.equals("eks") && cmd.has("--name") && !cmd.has("--nodegroup-name", "--addon-name")) {
            b.locator("cluster", cmd.text("--name").orElse(""));
        }
        if (service.equals("ssm") && action.type().equals("instance")) {
            // The instances (or the tag selector naming them) are where the commands run.
            b.locator("host", name);
        }
        if (service.equals("dynamodb") || service.equals("rds-data")) {
            b.locator("database", cmd.text("--table-name", "--database").orElse(""));
        }
        Operation op = finish(b, cmd, inv, action.localOnly());
        String sqlFlag = SQL_FLAGS.getOrDefault(service + " " + operation, "");
        Optional<Arg> sql = sqlFlag.isEmpty() ? Optional.empty() : cmd.first(sqlFlag);
        if (sql.isPresent()) {
            return CloudSql.statements(sql.get().value(), sql.get().literal(), op, inv, nested);
        }
        List<Operation> ops = new ArrayList<>(List.of(op));
        ops.addAll(AwsDataCopies.fromProduction(service, operation, cmd, op));
        if (service.equals("ssm") && (operation.equals("send-command") || operation.equals("start-session"))) {
            List<Operation> inner = AwsSsm.commands(cmd, inv, nested, op, operation.equals("start-session"));
            // the commands, once analyzed, are what the run does on the instances
            boolean analyzed = !inner.isEmpty() && !(inner.size() == 1 && inner.getFirst().system().equals("aws")
                    && inner.getFirst().verb() == Verb.EXECUTE);
            return analyzed ? inner : ops;
        }
        return ops;
    }

    /** The resource name: the action's naming options, else any identifier-looking option. */
    private static List<Arg> names(AwsCommand cmd, AwsAction action) {
        for (String flag : action.nameFlags()) {
            List<Arg> v = cmd.values(flag).stream().filter(a -> !a.value().isEmpty()).toList();
            if (!v.isEmpty()) {
                return v;
            }
        }
        for (Map.Entry<String, List<Arg>> e : cmd.options().entrySet()) {
            String f = e.getKey();
            if (!NOT_NAMES.contains(f) && !e.getValue().isEmpty() && (f.equals("--name") || f.equals("--names")
                    || f.equals("--id") || f.endsWith("-name") || f.endsWith("-names") || f.endsWith("-id")
                    || f.endsWith("-ids") || f.endsWith("-identifier") || f.endsWith("-arn") || f.endsWith("-url"))) {
                return e.getValue();
            }
        }
        return List.of();
    }

    private static Operation.Builder configure(String sub, AwsCommand cmd) {
        String key = cmd.positionals().isEmpty() ? "" : cmd.positionals().getFirst().value().toLowerCase(Locale.ROOT);
        return switch (sub) {
            case "list", "list-profiles" -> Operation.builder("aws", Verb.READ).resource("aws-config", "");
            case "get" -> key.contains("secret") || key.contains("session_token") || key.contains("access_key")
                    ? Operation.builder("aws", Verb.CREDENTIAL).resource("credential", key)
                    : Operation.builder("aws", Verb.READ).resource("aws-config", key);
            case "export-credentials" -> Operation.builder("aws", Verb.CREDENTIAL).resource("credential", "")
                    .note("prints the profile's credentials");
            // a key written into ~/.aws/credentials: the machine acts with it from now on, as editing that file would
            case "set" -> key.contains("secret") || key.contains("session_token") || key.contains("access_key")
                    ? Operation.builder("aws", Verb.CREDENTIAL).resource("credential", key)
                            .environment(Tier.LOCAL, "writes the local AWS CLI credentials")
                            .note("stores " + key + " in the AWS CLI's credentials file")
                    : Operation.builder("aws", Verb.UPDATE).resource("aws-config", key)
                            .environment(Tier.LOCAL, "writes the local AWS CLI configuration");
            default -> Operation.builder("aws", Verb.UPDATE).resource("aws-config", key)
                    .environment(Tier.LOCAL, "writes the local AWS CLI configuration");
        };
    }

    /** Adds the evidence and the locators every aws operation carries, and the tier when it is known to be local. */
    private static Operation finish(Operation.Builder b, AwsCommand cmd, Invocation inv, boolean localOnly) {
        b.evidence(inv.evidence());
        Operation draft = b.build();
        if (draft.system().equals("filesystem")) {
            return inv.remote() ? draft : b.environment(Tier.LOCAL, "a local file").build();
        }
        Optional<Arg> profile = cmd.first("--profile");
        profile.ifPresent(p -> b.locator("profile", p.value()));
        if (profile.isEmpty()) {
            b.locator("profile", envValue(inv, "AWS_PROFILE", "AWS_DEFAULT_PROFILE"));
        }
        b.locator("region", cmd.text("--region").orElse(envValue(inv, "AWS_REGION", "AWS_DEFAULT_REGION")));
        if (profile.isPresent() && !profile.get().literal()) {
            b.confidence(Confidence.INFERRED);
        }
        for (Map.Entry<String, String> e : NAME_LOCATORS.entrySet()) {
            cmd.first(e.getKey()).filter(a -> !a.value().isEmpty()).ifPresent(a -> b.locator(e.getValue(), a.value()));
        }
        Optional<String> accountId = cmd.text("--account-id");
        accountId.ifPresent(a -> b.locator("account", a));
        boolean regionKnown = !b.build().resource().locator("region").isEmpty();
        for (Arg a : accountId.isPresent() ? List.<Arg>of() : cmd.everything()) {
            Matcher m = ARN.matcher(a.value());
            if (m.find()) {
                // The first ARN names the account (and region) acted on: the role assumed, the resource changed.
                b.locator("account", m.group(2));
                if (!regionKnown) {
                    b.locator("region", m.group(1));
                }
                break;
            }
        }
        String host = endpointHost(cmd.text("--endpoint-url")
                .or(() -> Optional.of(envValue(inv, "AWS_ENDPOINT_URL")).filter(v -> !v.isEmpty())));
        boolean loopback = Hosts.loopback(host);
        if (!host.isEmpty() && !(loopback && inv.remote())) {
            b.locator("host", host);
        }
        // a container on this machine's own daemon (docker exec localstack awslocal …): LocalStack's image carries awslocal
        boolean containerHere = inv.inLocalContainer();
        if (containerHere && (inv.program().equals("awslocal") || loopback || host.equals("localstack"))) {
            b.locator("emulator", "localstack");
        }
        if (!inv.remote() || containerHere) {
            if (inv.program().equals("awslocal")) {
                disposable(b.environment(Tier.LOCAL, "awslocal targets LocalStack on this machine"));
            } else if (host.equals("localstack") || loopback) {
                disposable(b.environment(Tier.LOCAL, "--endpoint-url points at this machine (" + host + ")"));
            } else if (localOnly) {
                b.environment(Tier.LOCAL, "only writes local configuration");
            }
        }
        return b.build();
    }

    /** An emulator on this machine (LocalStack, MinIO) holds throwaway test data: nothing of value is lost. */
    private static void disposable(Operation.Builder b) {
        Operation draft = b.build();
        if (draft.stateful() || !draft.reversible()) {
            b.stateful(false).reversible(true).note(draft.note().isEmpty() ? "local emulator: test data"
                    : draft.note() + "; local emulator: test data");
        }
    }

    private static String endpointHost(Optional<String> url) {
        if (url.isEmpty()) {
            return "";
        }
        try {
            String text = url.get().contains("://") ? url.get() : "http://" + url.get();
            String host = URI.create(text).getHost();
            return host == null ? url.get() : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url.get();
        }
    }

    private static String envValue(Invocation inv, String... names) {
        for (String n : names) {
            String v = inv.env().get(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
