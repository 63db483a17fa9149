/** The HTTP adapter (Javalin): thin handlers that turn HTTP into calls on the server's services and back. */
package dev.interlock.server.http;
