package org.ferric.lab.redfish;

import java.util.List;

/**
 * What inspection finds in one emulated server.
 *
 * @param processors   number of sockets
 * @param threads      logical CPUs per socket
 * @param architecture Redfish ProcessorArchitecture: x86, ARM, ...
 * @param memoryGib    MemorySummary.TotalSystemMemoryGiB
 * @param disks        drives, served under both Storage and SimpleStorage
 * @param nics         EthernetInterfaces
 */
public record Hardware(int processors, int threads, String architecture, int memoryGib, List<Disk> disks, List<Nic> nics) {

    public record Disk(String name, long capacityBytes) {
    }

    /** @param enabled Status.State Enabled (true) or Disabled */
    public record Nic(String id, String mac, boolean enabled) {
    }

    public Hardware {
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
    }

    /** Two sockets of 8 threads, 32 GiB, a 100 GiB and a 2 GiB disk, two enabled NICs and a disabled one. */
    public static Hardware standard(int index) {
        String prefix = String.format("52:54:00:%02x:%02x:", (index >> 8) & 0xff, index & 0xff);
        return new Hardware(2, 8, "x86", 32,
                List.of(new Disk("sda", 100L << 30), new Disk("sdb", 2L << 30)),
                List.of(new Nic("NIC1", prefix + "01", true), new Nic("NIC2", prefix + "02", true),
                        new Nic("NIC3", prefix + "03", false)));
    }
}
