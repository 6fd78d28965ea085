package org.ferric.lab.redfish;

/**
 * One change of a system's power, as the server behind the BMC sees it: a start (with what it boots
 * from) or a stop. A restart of a running system is a stop followed by a start.
 *
 * @param systemId          the system's id ({@code "1"} …)
 * @param poweredOn         true for a start, false for a stop
 * @param bootTarget        what this start boots from: the {@code BootSourceOverrideTarget} when an override
 *                          is enabled ({@code Pxe}, {@code Hdd}, {@code Cd} …; a {@code Once} override is consumed
 *                          by this start), {@code None} when none is (the server's own boot order)
 * @param virtualMediaImage the image inserted in the virtual media device the target boots from ({@code Cd}
 *                          for {@code Cd}, {@code Usb} for {@code Usb} and {@code Floppy}); null when that device
 *                          is empty or the target is not virtual media
 */
public record PowerTransition(String systemId, boolean poweredOn, String bootTarget, String virtualMediaImage) {

    /** Whether the target is a virtual media device with media in it. */
    public boolean virtualMediaInserted() {
        return virtualMediaImage != null;
    }
}
