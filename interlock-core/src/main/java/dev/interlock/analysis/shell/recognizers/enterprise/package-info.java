/** Recognizers for enterprise application and ETL control tools: SAP's sapcontrol and HDB, Informatica's pmcmd, IBM DataStage's dsjob. */
package dev.interlock.analysis.shell.recognizers.enterprise;
