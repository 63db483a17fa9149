/**
 * CI/CD systems' CLIs (CircleCI, Buildkite, Drone, Woodpecker, Jenkins, Argo Workflows, Tekton, Spinnaker, GitLab's
 * pipelines, Octopus Deploy, Concourse), each a table of its commands: what only reads, what passes a human gate, stores
 * or prints a CI secret, publishes shared pipeline code or runs code on the controller; runs and deployments land where
 * their target names ({@link dev.interlock.analysis.shell.recognizers.ci.CiRuns}).
 */
package dev.interlock.analysis.shell.recognizers.ci;
