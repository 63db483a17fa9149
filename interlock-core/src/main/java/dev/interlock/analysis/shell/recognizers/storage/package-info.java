/** Recognizers for storage admin tools (cephadm, ceph, rados, rbd, gluster, cryptsetup, Pure Storage's CLIs, NetApp ONTAP's shell over ssh): which commands only look, which change or destroy data, which print keys; and which downloads from object storage copy production's data. */
package dev.interlock.analysis.shell.recognizers.storage;
