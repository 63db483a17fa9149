/** Development boards on this machine's USB and serial ports (flashers, debug probes, UF2 drives) and the disk imagers that write a whole block device. */
package dev.interlock.analysis.shell.recognizers.embedded;
