/**
 * Data-pipeline and workflow engines (Hadoop's {@code yarn}, {@code hdfs}, {@code hadoop}, {@code mapred}; Temporal's {@code temporal}), each a
 * table of its commands: listing and describing runs reads; killing, moving, signalling, resetting or terminating them
 * changes what the cluster runs; the environment is the cluster or server the command line names.
 */
package dev.interlock.analysis.shell.recognizers.pipelines;
