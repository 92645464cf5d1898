package org.zizhu.kiosk.flow;

/**
 * One device's health as the maintenance screen and the status light need it, in kiosk terms
 * (the device status vocabulary stays behind the port).
 *
 * @param status the status name (ONLINE, NO_DEVICE, HARDWARE_ERROR, ...)
 * @param detail the driver's reason, or empty
 */
public record DeviceHealth(String deviceId, String status, String detail, boolean usable, boolean hardwareError) {
}
