/** git, the forges' CLIs and their servers' admin tools: history rewrites, branch and tag deletions, pushes to addresses, and access changes through the forge. */
package dev.interlock.analysis.shell.recognizers.vcs;
