/**
 * Enterprise job schedulers (Control-M's {@code ctm}, AutoSys's {@code autorep}, {@code sendevent} and {@code jil}) and
 * the Slurm workload manager's ({@code sinfo}, {@code squeue}, {@code sbatch}, {@code scancel}, {@code scontrol}, {@code sacctmgr}):
 * reports and status queries read; deploying definitions, forcing, killing, holding or marking jobs changes what the
 * scheduler runs next.
 */
package dev.interlock.analysis.shell.recognizers.schedulers;
