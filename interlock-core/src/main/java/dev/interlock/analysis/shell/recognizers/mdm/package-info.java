/** Endpoint fleet management: the Mac's management agents (Jamf's {@code jamf}, Munki) and FleetDM's {@code fleetctl}, one table each. */
package dev.interlock.analysis.shell.recognizers.mdm;
