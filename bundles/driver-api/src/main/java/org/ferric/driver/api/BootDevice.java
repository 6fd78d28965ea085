package org.ferric.driver.api;

/**
 * A boot device and whether it is persistent.
 *
 * @param device     Ironic's name: {@code pxe}, {@code disk}, {@code cdrom}, {@code bios}, {@code safe}, {@code wanboot}, {@code uefi http}
 * @param persistent true if it applies to every boot, false for the next boot only; null if unknown
 */
public record BootDevice(String device, Boolean persistent) {
}
