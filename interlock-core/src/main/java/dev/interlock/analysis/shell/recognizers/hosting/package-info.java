/**
 * Recognizers for hosting platforms' CLIs known by their commands (heroku, Cloud Foundry's cf, render, railway) and
 * for server clouds' CLIs (doctl, hcloud, linode-cli, …): which commands only read, which change an app or a machine
 * hosted elsewhere, and what names place it; a command run on an app's machine is judged as that command there. Commands their tables do not list are judged as unfamiliar CLIs.
 */
package dev.interlock.analysis.shell.recognizers.hosting;
