package dev.interlock.server.http;

import io.javalin.config.RoutesConfig;

/** A set of endpoints registered together, each with the roles that may call it. */
public interface RouteGroup {
    void register(RoutesConfig routes, Guard guard);
}
