package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.analysis.plan.Backends;
import dev.interlock.json.Json;
import dev.interlock.model.Actor;
import dev.interlock.model.Payload;
import dev.interlock.model.Plan;
import dev.interlock.model.Request;
import dev.interlock.model.RequestContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The request a plan is decided as, from the CLI: where it was made (the configuration's directory), the variables
 * that steer it, and the Terraform workspace ({@code --workspace}, {@code $TF_WORKSPACE}, or the one
 * {@code terraform workspace select} recorded in {@code .terraform/environment}).
 */
final class PlanRequests {

    private PlanRequests() {
    }

    static Request request(Plan plan, String directory, Map<String, String> env, String environment, String workspace, Actor actor) {
        return new Request("", plan.kind(), new Payload.Document(plan),
                new RequestContext(Optional.ofNullable(environment), Optional.of(directory), variables(plan.tool(), directory, env, workspace),
                        Optional.empty(), Optional.empty(), backend(plan.tool(), directory)), actor);
    }

    /** The backend configuration {@code terraform init} recorded, reduced to where the state is (no credentials). */
    static Map<String, String> backend(String tool, String directory) {
        if (!tool.equals("terraform")) {
            return Map.of();
        }
        Path file = Path.of(directory).resolve(Backends.FILE).normalize();
        try {
            if (Files.isRegularFile(file) && Files.size(file) < (1 << 20)) {
                String redacted = Backends.redacted(Files.readString(file, StandardCharsets.UTF_8));
                return redacted.isEmpty() ? Map.of() : Map.of(file.toString(), redacted);
            }
        } catch (IOException | RuntimeException e) {
            // no backend known: the other locators decide
        }
        return Map.of();
    }

    /** The same request as JSON for the server, with the plan document itself. */
    static ObjectNode body(JsonNode planDocument, String tool, String directory, Map<String, String> env, String environment,
                           String workspace, String session) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("kind", "terraform-plan");
        body.set("plan", planDocument);
        ObjectNode context = body.putObject("context");
        context.put("cwd", directory);
        if (environment != null && !environment.isBlank()) {
            context.put("environment", environment);
        }
        ObjectNode vars = context.putObject("env");
        variables(tool, directory, env, workspace).forEach(vars::put);
        Map<String, String> files = backend(tool, directory);
        if (!files.isEmpty()) {
            ObjectNode f = context.putObject("files");
            files.forEach(f::put);
        }
        if (!session.isEmpty()) {
            body.putObject("actor").put("session", session);
        }
        return body;
    }

    private static Map<String, String> variables(String tool, String directory, Map<String, String> env, String workspace) {
        Map<String, String> vars = new LinkedHashMap<>(ExecEnvironment.capture(env));
        String stack = env.getOrDefault("PULUMI_STACK", "");
        if (!stack.isEmpty()) {
            vars.put("PULUMI_STACK", stack);
        }
        if (tool.equals("terraform")) {
            workspace(directory, env, workspace).ifPresent(w -> vars.put("TF_WORKSPACE", w));
        }
        return vars;
    }

    static Optional<String> workspace(String directory, Map<String, String> env, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(explicit);
        }
        String fromEnv = env.getOrDefault("TF_WORKSPACE", "");
        if (!fromEnv.isBlank()) {
            return Optional.of(fromEnv);
        }
        try {
            String recorded = Files.readString(Path.of(directory, ".terraform", "environment"), StandardCharsets.UTF_8).strip();
            return recorded.isEmpty() || recorded.equals("default") ? Optional.empty() : Optional.of(recorded);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
