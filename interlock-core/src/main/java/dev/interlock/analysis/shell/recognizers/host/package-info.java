/** The machine's own administration tools (accounts, disks and RAID, logs, clock, boot): their read forms and their changes. */
package dev.interlock.analysis.shell.recognizers.host;
