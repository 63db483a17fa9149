/**
 * The machine's own administration tools (accounts, disks and RAID, logs, clock, boot), its bootloader, firmware,
 * Secure Boot keys, TPM and BitLocker, and its declarative system
 * builders (NixOS, nix-darwin, Home Manager): their read forms and their changes.
 */
package dev.interlock.analysis.shell.recognizers.host;
