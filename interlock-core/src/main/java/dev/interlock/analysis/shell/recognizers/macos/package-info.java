/**
 * macOS's own tools: preference domains ({@code defaults}), firmware variables ({@code nvram}), Gatekeeper's quarantine
 * ({@code xattr}), which launchd jobs guard the machine, and the Xcode simulators ({@code simctl}); what they change is this machine.
 */
package dev.interlock.analysis.shell.recognizers.macos;
