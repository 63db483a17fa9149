/** macOS's own tools: preference domains ({@code defaults}) and the Xcode simulators ({@code simctl}); what they change is this machine. */
package dev.interlock.analysis.shell.recognizers.macos;
