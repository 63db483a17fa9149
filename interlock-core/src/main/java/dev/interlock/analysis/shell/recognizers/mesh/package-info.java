/** Recognizers for service meshes, ingress controllers and load balancers: what they read, change or remove in the traffic path. */
package dev.interlock.analysis.shell.recognizers.mesh;
