package dev.interlock.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The few HTTP calls the CLI makes to {@code interlock serve} (docs/api.md). Every answer is JSON; a non-2xx answer
 * becomes a {@link ServerException} carrying the server's own one-line message, and a server that cannot be reached
 * says so in words a user can act on.
 */
final class ServerClient {

    /** The server's {@code {"error","status"}} answer, or a transport failure (status 0). */
    static final class ServerException extends RuntimeException {
        private final int status;

        ServerException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Ordinary calls; long-polls add their own wait on top. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String token;
    private final HttpClient http;

    ServerClient(String baseUrl, String token) {
        String url = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        try {
            this.base = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ServerException(0, "the server URL '" + baseUrl + "' is not a URL");
        }
        if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https")) || base.getHost() == null) {
            throw new ServerException(0, "the server URL '" + baseUrl + "' must look like http://HOST:PORT");
        }
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    String baseUrl() {
        return base.toString();
    }

    JsonNode get(String path) {
        return send(request(path, CALL_TIMEOUT).GET().build());
    }

    JsonNode post(String path, Object body) {
        return post(path, body, Duration.ZERO);
    }

    /** A POST that may be held open by the server for up to {@code wait} (long-poll). */
    JsonNode post(String path, Object body, Duration wait) {
        String json;
        try {
            json = body == null ? "{}" : Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request body: " + e.getOriginalMessage(), e);
        }
        return send(request(path, CALL_TIMEOUT.plus(wait)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    JsonNode delete(String path) {
        return send(request(path, CALL_TIMEOUT).DELETE().build());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).header("Accept", "application/json");
        if (!token.isEmpty()) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException | UnresolvedAddressException e) {
            throw unreachable(e);
        } catch (HttpTimeoutException e) {
            throw new ServerException(0, "the Interlock server at " + base + " did not answer in time");
        } catch (IOException e) {
            // The JDK wraps a refused connection in a plain IOException on some paths; look at the cause chain.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConnectException || t instanceof UnresolvedAddressException) {
                    throw unreachable(t);
                }
            }
            throw new ServerException(0, "talking to the Interlock server at " + base + " failed: " + message(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException(0, "interrupted while waiting for the Interlock server");
        }
        return answer(response.statusCode(), response.body());
    }

    /** Pure: the JSON of a 2xx answer, or the server's error as an exception. */
    static JsonNode answer(int status, String body) {
        JsonNode json = null;
        try {
            json = body == null || body.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (status >= 200 && status < 300) {
            if (json == null) {
                throw new ServerException(status, "the server answered " + status + " with a body that is not JSON");
            }
            return json;
        }
        if (json != null && json.hasNonNull("error")) {
            throw new ServerException(status, json.get("error").asText() + " (HTTP " + status + ")");
        }
        String text = body == null ? "" : body.strip();
        throw new ServerException(status, "the server answered HTTP " + status
                + (text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text)));
    }

    private ServerException unreachable(Throwable e) {
        String why = e.getMessage() == null || e.getMessage().isBlank() ? "connection refused" : e.getMessage();
        return new ServerException(0, "cannot reach the Interlock server at " + base + ": " + why
                + " (is `interlock serve` running?)");
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
