/**
 * ELT and data-integration CLIs (Meltano, Sling, Estuary's flowctl, Airbyte's octavia and abctl, dlt, Singer taps and
 * targets), each a table of its commands: what only reads a pipeline, a connection or a catalog, what loads, replaces or
 * clears a destination's data, what copies a source's rows off its home, what deploys a pipeline, and where the
 * connections, environments and catalog names the command line gives place it.
 */
package dev.interlock.analysis.shell.recognizers.elt;
