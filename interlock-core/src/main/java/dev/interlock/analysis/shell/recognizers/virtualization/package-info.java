/** Hypervisors, private clouds and bare-metal controllers (Proxmox, libvirt, ESXi, vSphere's govc, OpenStack and its Swift client, Juju, LXD/Incus, iDRAC, MAAS) and desktop hypervisors (VirtualBox, Parallels, UTM): their read and change commands. */
package dev.interlock.analysis.shell.recognizers.virtualization;
