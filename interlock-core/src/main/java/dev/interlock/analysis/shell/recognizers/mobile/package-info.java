/**
 * Mobile app delivery: Android devices, emulators and bootloaders ({@code adb}, {@code emulator}, {@code fastboot}),
 * Apple's upload tools, the Watchman file watcher behind Metro, fastlane's account actions, and over-the-air updates (CodePush, EAS).
 */
package dev.interlock.analysis.shell.recognizers.mobile;
