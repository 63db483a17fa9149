/** git and the GitHub CLI: history rewrites, branch and tag deletions, pushes to addresses, and access changes through the forge. */
package dev.interlock.analysis.shell.recognizers.vcs;
