/** Files on this machine: deletions, copies and moves, modes and owners, disks, and what a file is (its kind and meaning). */
package dev.interlock.analysis.shell.recognizers.filesystem;
