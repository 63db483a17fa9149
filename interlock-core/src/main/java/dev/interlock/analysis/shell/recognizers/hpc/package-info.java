/**
 * HPC workload managers — Slurm, PBS (Torque, OpenPBS, PBS Pro), Grid Engine, IBM Spectrum LSF and HTCondor: status
 * queries read on any cluster; submitting queues work that runs unattended on the cluster's nodes; cancelling, holding,
 * draining and the administrators' tools change what the cluster runs, placed by the cluster, server or schedd named.
 * A user's own jobs (their scripts queued, their job ids cancelled) are their own work. Lustre's and Storage Scale's
 * tools and the module system ({@code module}, {@code ml}) are here too.
 */
package dev.interlock.analysis.shell.recognizers.hpc;
