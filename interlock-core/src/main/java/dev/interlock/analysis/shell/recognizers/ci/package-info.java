/**
 * CI/CD systems' CLIs (CircleCI, Buildkite, Drone, Woodpecker, Jenkins, Argo Workflows, Tekton, Spinnaker, GitLab's
 * pipelines), each a table of its commands: what only reads, what passes a human gate, stores or prints a CI secret,
 * publishes shared pipeline code or runs code on the controller; runs of a build are left to their words.
 */
package dev.interlock.analysis.shell.recognizers.ci;
