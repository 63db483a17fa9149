/**
 * Recognizers for container registry clients (crane, skopeo, regctl, oras, cosign, notation, docker buildx imagetools),
 * kaniko's daemonless builds and artifact repositories (the JFrog CLI): the image reference a command writes, or the
 * server it names, places it, so a copy from staging into the prod registry is a prod change and a copy out of prod
 * into a local directory only reads prod.
 */
package dev.interlock.analysis.shell.recognizers.registries;
