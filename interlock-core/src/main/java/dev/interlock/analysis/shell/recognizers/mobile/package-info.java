/** Mobile app tooling: Android devices and emulators ({@code adb}) and the app-store release tools ({@code fastlane}). */
package dev.interlock.analysis.shell.recognizers.mobile;
