/**
 * HPC workload managers — Slurm, PBS (Torque, OpenPBS, PBS Pro), Grid Engine, IBM Spectrum LSF and HTCondor: status
 * queries read on any cluster; submitting queues work that runs unattended on the cluster's nodes; cancelling, holding,
 * draining and the administrators' tools change what the cluster runs, placed by the cluster, server or schedd named.
 */
package dev.interlock.analysis.shell.recognizers.hpc;
