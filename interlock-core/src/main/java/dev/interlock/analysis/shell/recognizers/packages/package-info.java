/** Packages and projects: package sources, install and publish, package scripts and a project's own run tasks. */
package dev.interlock.analysis.shell.recognizers.packages;
