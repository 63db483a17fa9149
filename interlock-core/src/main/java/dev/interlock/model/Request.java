package dev.interlock.model;

/** What an adapter received, ready for analysis. {@code id} is the caller's correlation id (may be empty). */
public record Request(String id, RequestKind kind, Payload payload, RequestContext context, Actor actor) {
    public Request {
        id = id == null ? "" : id;
    }

    public static Request shell(String command, RequestContext context, Actor actor) {
        return new Request("", RequestKind.SHELL, new Payload.Shell(command), context, actor);
    }

    public static Request shell(String command) {
        return shell(command, RequestContext.EMPTY, Actor.UNKNOWN);
    }

    public Request withId(String newId) {
        return new Request(newId, kind, payload, context, actor);
    }

    public Request withContext(RequestContext newContext) {
        return new Request(id, kind, payload, newContext, actor);
    }
}
