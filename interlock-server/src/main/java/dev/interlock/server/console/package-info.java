/** The web console: server-rendered pages where a reviewer reads and decides, over the server's own services. */
package dev.interlock.server.console;
