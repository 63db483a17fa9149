/** Recognizers for Windows hosts and Active Directory administered from Linux: SMB and RPC clients, Impacket, NetExec, WinRM shells. */
package dev.interlock.analysis.shell.recognizers.activedirectory;
