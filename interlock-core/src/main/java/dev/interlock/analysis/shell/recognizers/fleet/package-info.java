/** Recognizers for IoT fleet CLIs (balena, Particle, Golioth, Mender's artifact tool): which fleet or device a command acts on, and whether it only reads. */
package dev.interlock.analysis.shell.recognizers.fleet;
