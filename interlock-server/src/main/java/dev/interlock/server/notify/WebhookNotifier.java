package dev.interlock.server.notify;

import dev.interlock.json.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Tells approver groups that an approval waits for them. Each delivery runs on its own virtual thread and is retried
 * with exponential backoff, so a slow or dead webhook never delays a decision. The body is Slack-compatible
 * ({@code text}) and carries the full approval and a link to it.
 */
public final class WebhookNotifier implements AutoCloseable {

    /** Attempts per delivery and the first backoff; the backoff doubles each time. */
    static final int ATTEMPTS = 5;

    private final List<Webhook> hooks;
    private final Duration firstBackoff;
    private final Runnable onFailure;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public WebhookNotifier(List<Webhook> hooks, Duration firstBackoff, Runnable onFailure) {
        this.hooks = List.copyOf(hooks);
        this.firstBackoff = firstBackoff;
        this.onFailure = onFailure;
    }

    /**
     * Notifies the hooks of every group in {@code approvers} ({@code group:sre} → hooks for {@code sre}, plus {@code *}).
     * Returns at once.
     */
    public void approvalRequested(List<String> approvers, String text, String link, Map<String, Object> approval) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text + (link.isEmpty() ? "" : " — " + link));
        body.put("event", "approval.requested");
        body.put("link", link);
        body.put("approval", approval);
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            onFailure.run();
            return;
        }
        for (Webhook hook : hooks) {
            if (hook.group().equals("*") || approvers.contains("group:" + hook.group()) || approvers.contains(hook.group())) {
                executor.execute(() -> deliver(hook, json));
            }
        }
    }

    private void deliver(Webhook hook, String json) {
        Duration backoff = firstBackoff;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(hook.url())
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException e) {
                // retried below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            onFailure.run();
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}
