/** Mobile device tooling: Android devices and emulators ({@code adb}). */
package dev.interlock.analysis.shell.recognizers.mobile;
