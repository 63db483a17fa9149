/** Recognizers for enterprise application and ETL control tools: SAP's sapcontrol and HDB, Informatica's pmcmd, IBM DataStage's dsjob; ERP tools: Odoo's odoo-bin, SAP's tp, NetSuite's suitecloud. */
package dev.interlock.analysis.shell.recognizers.enterprise;
