/** Recognizers for backup tools (restic, borg, duplicity, wal-g), tape drives and libraries (mt, mtx, SCSI inspectors, tar onto tape) and backup servers (Bacula/Bareos, Amanda, NetBackup, Spectrum Protect): what they add, prune, expire or overwrite, and which of their commands print keys. */
package dev.interlock.analysis.shell.recognizers.backup;
