package dev.interlock.cli.hook;

import dev.interlock.hooks.Agent;
import dev.interlock.hooks.AgentSide;
import dev.interlock.hooks.AnswerWriter;
import dev.interlock.hooks.HookAnswer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Server mode from the JVM hook: the payload goes as it is to {@code POST /v1/hooks/AGENT} with the agent machine's
 * context in headers, exactly as the {@code interlock-hook-client} script sends it. 200: the body is the agent's answer.
 * Anything else (another status, no server, a timeout) blocks.
 */
final class ServerHook {

    private ServerHook() {
    }

    static HookAnswer ask(HookMain.HookOptions options, Agent agent, byte[] payload, AgentSide side) {
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(options.serverUrl() + "/v1/hooks/" + agent.id()))
                    .timeout(options.budget().minusMillis(500).isNegative() ? options.budget() : options.budget().minusMillis(500))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
            if (!options.token().isEmpty()) {
                req.header("Authorization", "Bearer " + options.token());
            }
            side.env().forEach((k, v) -> req.header("X-Interlock-Env", k + "=" + v.replaceAll("[\r\n]", "")));
            req.header("X-Interlock-Kubeconfig", side.kubeconfig().absent() ? "absent"
                    : side.kubeconfig().currentContext().map(c -> "current-context=" + c).orElse("present"));
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            HttpResponse<String> r = client.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() == 200 && !r.body().isBlank()) {
                return new HookAnswer(r.body().endsWith("\n") ? r.body() : r.body() + "\n", "", 0);
            }
            if (r.statusCode() == 403 && agent == Agent.KIRO) {
                return new HookAnswer("", r.body() + "\n", HookAnswer.BLOCK);
            }
            return AnswerWriter.failure(agent, "the Interlock server at " + options.serverUrl() + " answered HTTP " + r.statusCode()
                    + (r.body().isBlank() ? "" : ": " + r.body().strip()));
        } catch (IOException | IllegalArgumentException e) {
            return AnswerWriter.failure(agent, "the Interlock server at " + options.serverUrl() + " cannot be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AnswerWriter.failure(agent, "interrupted while asking the Interlock server");
        }
    }
}
