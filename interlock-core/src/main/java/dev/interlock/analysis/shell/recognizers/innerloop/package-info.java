/** Inner-loop developer platforms (skaffold, tilt, devspace, garden, okteto, helmfile, telepresence, mirrord): what they render locally, deploy, tear down or take over in a cluster. */
package dev.interlock.analysis.shell.recognizers.innerloop;
