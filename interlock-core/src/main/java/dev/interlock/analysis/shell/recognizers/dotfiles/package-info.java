/** Dotfiles managers: applying the user's own dotfiles is routine; applying a stranger's runs their code here. */
package dev.interlock.analysis.shell.recognizers.dotfiles;
