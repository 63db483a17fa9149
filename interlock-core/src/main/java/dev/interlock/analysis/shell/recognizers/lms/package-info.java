/** Recognizers for learning platforms' admin tools (Moodle's moosh and admin/cli scripts, Open edX's tutor): which site or cluster a command acts on, and whether it reads, changes, deletes, grants or prints a secret there. */
package dev.interlock.analysis.shell.recognizers.lms;
