/**
 * Data-platform CLIs (BigQuery's bq, dbt, Airflow, Databricks), each a table of its commands: what only reads a
 * warehouse or an orchestrator, what changes it or runs code in it, and what prints a secret; and where it acts, from
 * the target, project, dataset or profile the command line names.
 */
package dev.interlock.analysis.shell.recognizers.dataplatforms;
