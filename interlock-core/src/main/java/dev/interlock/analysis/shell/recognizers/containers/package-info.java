/** docker, podman, nerdctl, compose and Docker API tools such as pumba: the daemon a command talks to, what it removes, and what a container run does outside the container. */
package dev.interlock.analysis.shell.recognizers.containers;
