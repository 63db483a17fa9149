/**
 * One recognizer per program family, each mostly a table from subcommands and flags to operations. Families with
 * their own rooms are sub-packages ({@code cloud}, {@code kubernetes}, {@code iac}, {@code database},
 * {@code containers}, {@code vcs}, {@code code}, {@code secrets}, {@code windows}); this package holds the machine-local families (filesystem,
 * processes and services, network, publishing, self-protection, system settings, unfamiliar programs)
 * and the helpers every family builds on ({@link dev.interlock.analysis.shell.recognizers.LocalFiles},
 * {@code FileTarget}, {@code FileMeaning}).
 */
package dev.interlock.analysis.shell.recognizers;

