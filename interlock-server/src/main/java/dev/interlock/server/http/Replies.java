package dev.interlock.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.interlock.json.Json;
import io.javalin.http.Context;

/** Writes JSON answers. */
final class Replies {

    private Replies() {
    }

    static void send(Context ctx, int status, Object body) {
        try {
            raw(ctx, status, Json.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    static void raw(Context ctx, int status, String json) {
        ctx.status(status).contentType("application/json").result(json);
    }

    static void error(Context ctx, int status, String message) {
        send(ctx, status, java.util.Map.of("error", message, "status", status));
    }
}
