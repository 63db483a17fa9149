/**
 * Data-platform CLIs (BigQuery's bq, dbt, Airflow, Databricks, Dagster, Prefect, lakeFS's lakectl, and the data catalogs
 * DataHub's datahub and OpenMetadata's metadata), each a table of its
 * commands: what only reads a warehouse, an orchestrator or a lake, what changes it or runs code in it, and what prints
 * a secret; and where it acts, from the target, project, dataset, repository or profile the command line names.
 */
package dev.interlock.analysis.shell.recognizers.dataplatforms;
