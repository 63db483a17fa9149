package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.callArguments;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.SdkCalls.Generic;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Machine-learning platforms' Python SDKs, read like their CLIs: Hugging Face Hub's {@code HfApi} (deleting a repository
 * or its files, uploading to it, which sends the files off this machine), MLflow's tracking client (deleting runs,
 * experiments and registered models, moving a model version between stages; the tracking URI places it, and an unset
 * or loopback one is the developer's own store), Weights &amp; Biases' public API ({@code wandb.Api().artifact(…).delete()},
 * placed by the entity/project path) and the SageMaker SDK (deleting and deploying endpoints, written back as the
 * {@code aws sagemaker} command that does the same), and LangSmith's client (deleting datasets, projects, examples and
 * prompts loses them; sharing publishes a public link), placed by its API URL: LangSmith's cloud unless the code or
 * {@code LANGSMITH_ENDPOINT} names a self-hosted one.
 */
final class MlSdkCalls {

    private MlSdkCalls() {
    }

    private static final Pattern CALL = Pattern.compile("(?:\\.|\\b)([a-z_]\\w*)\\s*\\(");
    /** A keyword or first positional naming what the call acts on. */
    private static final Pattern NAMED = Pattern.compile("\\b(?:repo_id|run_id|experiment_id|name|model_name|endpoint_name"
            + "|dataset_name|project_name|prompt_identifier)\\s*=\\s*" + LIT);
    private static final Pattern FIRST = Pattern.compile("^\\s*" + LIT);

    /** Hugging Face Hub: call → verb and the kind of thing it acts on. */
    private static final Map<String, Verb> HUB = Map.ofEntries(
            Map.entry("delete_repo", Verb.DELETE), Map.entry("delete_file", Verb.DELETE), Map.entry("delete_files", Verb.DELETE),
            Map.entry("delete_folder", Verb.DELETE), Map.entry("delete_branch", Verb.DELETE), Map.entry("delete_tag", Verb.DELETE),
            Map.entry("delete_inference_endpoint", Verb.DELETE), Map.entry("delete_collection", Verb.DELETE),
            Map.entry("delete_space_secret", Verb.DELETE), Map.entry("super_squash_history", Verb.DELETE),
            Map.entry("upload_file", Verb.TRANSFER), Map.entry("upload_folder", Verb.TRANSFER),
            Map.entry("upload_large_folder", Verb.TRANSFER), Map.entry("create_commit", Verb.TRANSFER),
            Map.entry("push_to_hub", Verb.TRANSFER),
            Map.entry("create_repo", Verb.CREATE), Map.entry("create_branch", Verb.CREATE), Map.entry("create_tag", Verb.CREATE),
            Map.entry("duplicate_space", Verb.CREATE), Map.entry("create_inference_endpoint", Verb.CREATE),
            Map.entry("update_repo_visibility", Verb.UPDATE), Map.entry("update_repo_settings", Verb.UPDATE),
            Map.entry("move_repo", Verb.UPDATE), Map.entry("add_space_secret", Verb.UPDATE),
            Map.entry("pause_inference_endpoint", Verb.UPDATE), Map.entry("restart_space", Verb.UPDATE),
            Map.entry("get_token", Verb.CREDENTIAL));
    /** MLflow: deletes of runs and experiments are soft; of registered models and versions, not. */
    private static final Map<String, Verb> MLFLOW = Map.ofEntries(
            Map.entry("delete_run", Verb.DELETE), Map.entry("delete_experiment", Verb.DELETE),
            Map.entry("delete_registered_model", Verb.DELETE), Map.entry("delete_model_version", Verb.DELETE),
            Map.entry("delete_registered_model_alias", Verb.DELETE), Map.entry("delete_tag", Verb.DELETE),
            Map.entry("delete_model_version_tag", Verb.DELETE), Map.entry("delete_registered_model_tag", Verb.DELETE),
            Map.entry("transition_model_version_stage", Verb.UPDATE), Map.entry("set_registered_model_alias", Verb.UPDATE),
            Map.entry("update_model_version", Verb.UPDATE), Map.entry("update_registered_model", Verb.UPDATE),
            Map.entry("rename_registered_model", Verb.UPDATE), Map.entry("rename_experiment", Verb.UPDATE),
            Map.entry("restore_run", Verb.UPDATE), Map.entry("restore_experiment", Verb.UPDATE),
            Map.entry("register_model", Verb.CREATE), Map.entry("create_registered_model", Verb.CREATE),
            Map.entry("create_model_version", Verb.CREATE), Map.entry("create_experiment", Verb.CREATE),
            Map.entry("log_model", Verb.CREATE), Map.entry("log_artifact", Verb.CREATE), Map.entry("log_artifacts", Verb.CREATE));
    /** Weights &amp; Biases objects whose {@code delete()} loses them, and those that stand for many. */
    private static final Pattern WANDB_OBJECT = Pattern.compile("\\.\\s*(artifact|run|artifact_collection|sweep|project|runs|artifacts|artifact_versions)\\s*\\(\\s*(?:\\w+\\s*=\\s*)?" + LIT);
    /** Reads that account for a call: the names SDK code reads data with. */
    private static final Pattern READS = Pattern.compile("(?:get|list|search|load|download|describe|model|dataset|space|repo|file)_\\w+|"
            + "hf_hub_download|snapshot_download|whoami|file_exists|repo_exists|Api|HfApi|MlflowClient|artifact|artifacts|runs?|"
            + "projects?|sweep|history|scan_history|download|set_tracking_uri|set_registry_uri|Session|Predictor|wait_for_endpoint|"
            + "read_\\w+|has_\\w+|pull_prompt|similar_examples");
    /** LangSmith: a call's first word → what it does; the rest of the name is what it acts on. */
    private static final Map<String, Verb> LANGSMITH = Map.of("delete", Verb.DELETE, "create", Verb.CREATE,
            "clone", Verb.CREATE, "upload", Verb.CREATE, "update", Verb.UPDATE, "push", Verb.UPDATE, "share", Verb.GRANT,
            "unshare", Verb.UPDATE, "add", Verb.UPDATE);
    private static final Pattern LANGSMITH_URL = Pattern.compile("\\bapi_url\\s*=\\s*" + LIT);
    /**
     * Where the client talks to: {@code set_tracking_uri(…)}, {@code tracking_uri=}, the registry's own URI, or the
     * client's first positional ({@code MlflowClient('http://mlflow.prod…')}, whose first parameter is the tracking URI).
     */
    private static final Pattern TRACKING = Pattern.compile(
            "\\b(?:set_tracking_uri|set_registry_uri|(?:tracking|registry)_uri\\s*=|MlflowClient\\s*(?=\\(\\s*['\"]))\\s*\\(?\\s*" + LIT);

    /** The calls of {@code system}'s library ({@code huggingface}, {@code mlflow}, {@code wandb}, {@code sagemaker}). */
    static void find(String system, String code, Map<String, String> env, List<String> lines, List<Generic> generic,
                     Set<String> accounted) {
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            String method = m.group(1);
            String args = callArguments(code, m.end());
            Matcher n = NAMED.matcher(args);
            Matcher f = FIRST.matcher(args);
            String name = n.find() ? lit(n, 1) : f.find() ? lit(f, 1) : "";
            switch (system) {
                case "huggingface" -> {
                    Verb verb = HUB.get(method);
                    if (verb != null) {
                        accounted.add(method);
                        generic.add(new Generic("huggingface", verb, verb == Verb.CREDENTIAL ? "token" : "repo", name,
                                method.equals("super_squash_history"), method, Map.of(), ""));
                    }
                }
                case "mlflow" -> {
                    Verb verb = MLFLOW.get(method);
                    if (verb != null) {
                        accounted.add(method);
                        String type = method.contains("model") ? "registered-model" : method.contains("experiment") ? "experiment" : "run";
                        generic.add(mlflow(code, env, verb, type, name, method));
                    }
                }
                case "wandb" -> {
                    if (method.equals("delete")) {
                        accounted.add(method);
                        Matcher o = WANDB_OBJECT.matcher(code.substring(0, m.start()));
                        String type = "artifact";
                        String what = "";
                        while (o.find()) {
                            type = o.group(1);
                            what = lit(o, 2);
                        }
                        boolean many = type.endsWith("s") || type.equals("artifact_collection") || type.equals("project");
                        String project = Regex.replaceFirst(what, "^([^/:]+/[^/:]+).*$", "$1");
                        generic.add(new Generic("wandb", Verb.DELETE, Regex.replaceFirst(type, "s$", "").replace('_', '-'), what,
                                many, "wandb " + type + "().delete", project.contains("/") ? Map.of("project", project) : Map.of(), ""));
                    }
                }
                case "sagemaker" -> {
                    if (method.matches("delete_(endpoint|endpoint_config|model)")) {
                        accounted.add(method);
                        String flag = method.equals("delete_model") ? "--model-name" : "--" + method.substring(7).replace('_', '-') + "-name";
                        lines.add("aws sagemaker " + method.replace('_', '-') + " " + flag + " " + quote(name.isEmpty() ? endpoint(code) : name));
                    } else if (method.equals("deploy")) {
                        accounted.add(method);
                        lines.add("aws sagemaker create-endpoint --endpoint-name " + quote(name.isEmpty() ? endpoint(code) : name));
                    }
                }
                case "langsmith" -> {
                    Verb verb = LANGSMITH.get(Regex.before(method, "_"));
                    if (verb != null && method.contains("_")) {
                        accounted.add(method);
                        String type = method.substring(method.indexOf('_') + 1);
                        generic.add(new Generic("langsmith", verb, Regex.replaceFirst(type, "s$", "").replace('_', '-'), name,
                                type.endsWith("s"), "langsmith " + method, Map.of("host", langsmith(code, env)), ""));
                    }
                }
                default -> { }
            }
            if (READS.matcher(method).matches()) {
                accounted.add(method);
            }
        }
    }

    private static final Pattern PUSH = Pattern.compile("\\.\\s*push_to_hub\\s*\\(");

    /**
     * {@code push_to_hub(…)} on any object — a {@code datasets} Dataset, a {@code transformers} model or tokenizer — is
     * the upload to a Hub repository those libraries share, whether or not the code imports {@code huggingface_hub}.
     */
    static void pushes(String code, List<Generic> generic, Set<String> accounted) {
        Matcher m = PUSH.matcher(code);
        while (m.find()) {
            String args = callArguments(code, m.end());
            Matcher n = NAMED.matcher(args);
            Matcher f = FIRST.matcher(args);
            accounted.add("push_to_hub");
            generic.add(new Generic("huggingface", Verb.TRANSFER, "repo", n.find() ? lit(n, 1) : f.find() ? lit(f, 1) : "",
                    false, "push_to_hub", Map.of(), ""));
        }
    }

    /** The LangSmith API the client talks to: the code's {@code api_url}, the endpoint variable, or LangSmith's cloud. */
    private static String langsmith(String code, Map<String, String> env) {
        Matcher u = LANGSMITH_URL.matcher(code);
        String url = u.find() ? lit(u, 1) : env.getOrDefault("LANGSMITH_ENDPOINT", env.getOrDefault("LANGCHAIN_ENDPOINT", ""));
        return url.isEmpty() ? "api.smith.langchain.com" : Hosts.of(url);
    }

    /** The endpoint a SageMaker Predictor was made for, when the deleting call itself names none. */
    private static String endpoint(String code) {
        Matcher e = Regex.pattern("\\b(?:Predictor\\s*\\(|endpoint_name\\s*=)\\s*" + LIT).matcher(code);
        return e.find() ? lit(e, 1) : "endpoint";
    }

    /** An MLflow call, placed by its tracking URI: unset, a path or a loopback host is the developer's own store. */
    private static Generic mlflow(String code, Map<String, String> env, Verb verb, String type, String name, String method) {
        Matcher t = TRACKING.matcher(code);
        String uri = t.find() ? lit(t, 1) : env.getOrDefault("MLFLOW_TRACKING_URI", "");
        String host = Regex.matches(Hosts.of(uri), "[.~]*") ? "" : Hosts.of(uri);
        if (host.isEmpty() || Hosts.loopback(host)) {
            return new Generic("mlflow", verb, type, name, false, method, Map.of(),
                    uri.isEmpty() ? "no tracking URI: MLflow's own store in ./mlruns" : "the tracking store " + uri + " is on this machine");
        }
        return new Generic("mlflow", verb, type, name, false, method, Map.of("host", host), "");
    }
}
