package dev.interlock.environment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Environment variables that choose where a CLI acts ({@code AWS_PROFILE=prod terraform destroy} is prod), as
 * locators per system. One table for the shell analyzer (prefix assignments) and the resolver (ambient variables).
 */
public final class EnvironmentVariables {

    private record Hint(String variable, List<String> systems, String locator) {
    }

    private static final List<String> AWS = List.of("aws", "terraform", "cdk", "pulumi", "eksctl", "cloudformation", "packer");
    private static final List<Hint> HINTS = List.of(
            new Hint("AWS_PROFILE", AWS, "profile"),
            new Hint("AWS_DEFAULT_PROFILE", AWS, "profile"),
            new Hint("AWS_REGION", AWS, "region"),
            new Hint("AWS_DEFAULT_REGION", AWS, "region"),
            new Hint("TF_WORKSPACE", List.of("terraform"), "workspace"),
            new Hint("PULUMI_STACK", List.of("pulumi"), "stack"),
            new Hint("KUBECONFIG", List.of("kubernetes", "helm"), "kubeconfig"),
            new Hint("HELM_KUBECONTEXT", List.of("helm"), "context"),
            new Hint("CLOUDSDK_CORE_PROJECT", List.of("gcp", "terraform", "packer"), "project"),
            new Hint("GOOGLE_CLOUD_PROJECT", List.of("gcp", "terraform", "packer"), "project"),
            new Hint("CLOUDSDK_ACTIVE_CONFIG_NAME", List.of("gcp"), "profile"),
            new Hint("AZURE_SUBSCRIPTION_ID", List.of("azure", "terraform", "packer"), "subscription"),
            new Hint("ARM_SUBSCRIPTION_ID", List.of("azure", "terraform", "packer"), "subscription"),
            new Hint("PGHOST", List.of("database"), "host"),
            new Hint("PGDATABASE", List.of("database"), "database"),
            new Hint("MYSQL_HOST", List.of("database"), "host"),
            new Hint("DATABASE_URL", List.of("database"), "url"),
            new Hint("DOCKER_HOST", List.of("docker"), "host"),
            new Hint("DOCKER_CONTEXT", List.of("docker"), "context"),
            // the address variables of HashiCorp's and other control-plane CLIs: where the command acts
            new Hint("VAULT_ADDR", List.of("vault"), "host"),
            new Hint("NOMAD_ADDR", List.of("nomad"), "host"),
            new Hint("CONSUL_HTTP_ADDR", List.of("consul"), "host"),
            new Hint("BOUNDARY_ADDR", List.of("boundary"), "host"),
            new Hint("ETCDCTL_ENDPOINTS", List.of("etcdctl", "etcd"), "host"),
            new Hint("ARGOCD_SERVER", List.of("argocd"), "host"),
            new Hint("TEMPORAL_ADDRESS", List.of("temporal"), "host"),
            new Hint("NATS_URL", List.of("nats"), "host"),
            new Hint("NATS_CONTEXT", List.of("nats"), "context"),
            // where GraphQL and gateway CLIs act when no flag says: Hasura's engine, Kong's admin API
            new Hint("HASURA_GRAPHQL_ENDPOINT", List.of("hasura"), "host"),
            new Hint("DECK_KONG_ADDR", List.of("deck"), "host"),
            // Toxiproxy's server (the CLI defaults to localhost:8474)
            new Hint("TOXIPROXY_URL", List.of("toxiproxy"), "host"),
            // the automation controller (AWX, Tower) a job is launched from
            new Hint("CONTROLLER_HOST", List.of("awx"), "host"),
            new Hint("TOWER_HOST", List.of("awx"), "host"),
            // the forge instance glab and gh talk to (a self-hosted gitlab.dev.… is dev)
            new Hint("GITLAB_HOST", List.of("gitlab"), "host"),
            new Hint("GL_HOST", List.of("gitlab"), "host"),
            new Hint("GITLAB_URI", List.of("gitlab"), "host"),
            new Hint("GH_HOST", List.of("github"), "host"),
            // an AutoSys instance's name (PRD, DEV) is the environment it schedules in
            new Hint("AUTOSERV", List.of("autosys"), "environment"),
            new Hint("ENVIRONMENT", List.of("*"), "environment"),
            new Hint("DEPLOY_ENV", List.of("*"), "environment"),
            new Hint("RAILS_ENV", List.of("database", "process"), "environment"),
            new Hint("NODE_ENV", List.of("database"), "environment"));

    private EnvironmentVariables() {
    }

    /** The locators {@code env} implies for an operation of {@code system}, first variable winning. */
    public static Map<String, String> locators(String system, Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        if (env.isEmpty()) {
            return out;
        }
        for (Hint hint : HINTS) {
            String value = env.get(hint.variable());
            if (value != null && !value.isBlank() && (hint.systems().contains(system) || hint.systems().contains("*"))) {
                out.putIfAbsent(hint.locator(), hint.locator().equals("host") ? Hosts.of(value) : value);
            }
        }
        return out;
    }

    /** Only the variables in the table (what is worth keeping of a process environment). */
    public static Map<String, String> steering(Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        for (Hint hint : HINTS) {
            String value = env.get(hint.variable());
            if (value != null && !value.isBlank()) {
                out.put(hint.variable(), value);
            }
        }
        return out;
    }
}
