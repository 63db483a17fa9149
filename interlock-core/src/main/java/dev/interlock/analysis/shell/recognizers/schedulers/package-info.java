/**
 * Enterprise job schedulers (Control-M's {@code ctm}, AutoSys's {@code autorep}, {@code sendevent} and {@code jil}):
 * reports and status queries read; deploying definitions, forcing, killing, holding or marking jobs changes what the
 * scheduler runs next. HPC workload managers such as Slurm are in {@code recognizers.hpc}.
 */
package dev.interlock.analysis.shell.recognizers.schedulers;
