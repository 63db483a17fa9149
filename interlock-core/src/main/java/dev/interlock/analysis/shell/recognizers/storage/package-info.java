/** Recognizers for distributed storage clusters' admin tools (cephadm, ceph, rados, rbd, gluster): which commands only look and which change the cluster; and which downloads from object storage copy production's data. */
package dev.interlock.analysis.shell.recognizers.storage;
