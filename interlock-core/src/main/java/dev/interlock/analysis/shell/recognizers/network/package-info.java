/** Network: HTTP clients and headless browsers, transfers, remote copies, tunnels, file servers, chaos proxies and the machines a command reaches. */
package dev.interlock.analysis.shell.recognizers.network;
