/** Recognizers for the edge: CDN services' CLIs (Fastly, Akamai), whose changes are live for every visitor at once. */
package dev.interlock.analysis.shell.recognizers.edge;
