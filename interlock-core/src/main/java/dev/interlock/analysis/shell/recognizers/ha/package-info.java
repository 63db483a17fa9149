/** High-availability cluster stacks (Pacemaker's pcs, crmsh and crm_* tools, Corosync, DRBD): which commands only look at the cluster, which change the node they run on, and which take the whole cluster or its replicated data down. */
package dev.interlock.analysis.shell.recognizers.ha;
