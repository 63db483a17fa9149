/** {@code interlock install|uninstall|verify AGENT}: the hook merged into each agent's own configuration, and proven. */
package dev.interlock.cli.install;
