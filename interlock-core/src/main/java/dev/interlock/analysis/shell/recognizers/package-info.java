/**
 * One recognizer per program family, each mostly a table from subcommands and flags to operations, in a room per
 * family: {@code cloud}, {@code kubernetes}, {@code iac}, {@code database}, {@code dataplatforms}, {@code containers},
 * {@code vcs}, {@code code} (interpreters), {@code secrets}, {@code filesystem}, {@code process}, {@code network},
 * {@code packages}, {@code ci} (CI/CD systems), {@code host} (the machine's administration tools), {@code selfprotection}, {@code windows}, and {@code controls} (claims no program: marks the operations that switch a security control off). This
 * package keeps what every family builds on ({@link dev.interlock.analysis.shell.recognizers.LocalFiles},
 * {@code KnownPrograms}, {@code DeploymentWords}, {@code CommandTable}, {@code HostingPlatforms}, {@code HostingTargets}),
 * privilege and shell-history recognizers, and the fallback for programs no family knows ({@code UnrecognizedProgram}).
 */
package dev.interlock.analysis.shell.recognizers;
