/** Network: HTTP clients and headless browsers, transfers, remote copies, tunnels, file servers and the machines a command reaches. */
package dev.interlock.analysis.shell.recognizers.network;
