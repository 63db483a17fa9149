/** Recognizers for backup tools (restic, borg, duplicity, wal-g): what they add, prune or repair in a repository, and which of their commands print its keys. */
package dev.interlock.analysis.shell.recognizers.backup;
