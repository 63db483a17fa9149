package dev.interlock.analysis.shell.recognizers.virtualization;

import java.util.regex.Pattern;

/**
 * Files that are a virtual machine's disk: QEMU, VMware, Hyper-V and VirtualBox images, and raw {@code .img} or
 * {@code .raw} files where hypervisors keep their disks (libvirt's and Proxmox's image directories, an ESXi datastore).
 * Fetched from a server, one is a copy of everything that VM stored, as a database dump is of its rows.
 */
public final class VmDisks {

    private static final Pattern IMAGES = Pattern.compile("(?i).*\\.(qcow2?|vmdk|vhdx?|vdi)(\\.(gz|zst|xz|lz4|bz2))?");
    /** Raw images are only disks where hypervisors keep them; elsewhere an {@code .img} is often an installer or firmware. */
    private static final Pattern RAW_PLACES = Pattern.compile(
            "(?i)(.*/)?(var/lib/libvirt/images|var/lib/vz/images|vmfs/volumes|var/lib/nova/instances)/.*\\.(img|raw)(\\.(gz|zst|xz))?");

    private VmDisks() {
    }

    public static boolean holds(String path) {
        return IMAGES.matcher(path).matches() || RAW_PLACES.matcher(path).matches();
    }
}
