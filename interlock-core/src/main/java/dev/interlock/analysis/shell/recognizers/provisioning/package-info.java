/** Recognizers for bare-metal provisioning and systems-management servers (Foreman's hammer, Cobbler, Uyuni/Spacewalk's spacecmd, Canonical Landscape's landscape-api, DMTF's redfishtool): which server and which managed machines a command acts on, and whether it only reads. */
package dev.interlock.analysis.shell.recognizers.provisioning;
