/**
 * Commissioning (first boot): the ports of the technician's wizard ({@link org.zizhu.kiosk.flow.CommissioningFlow})
 * over the terminal — the network and time check ({@link NetworkCheck}), device detection by the
 * devices' own protocols ({@link SamProbe}, {@link EscPosProbe}, CUPS queues, V4L2 cameras, PC/SC
 * readers, the GPIO pin map; candidates and stable names in {@link DevicePaths}), the bindings
 * written to {@code data.dir/commissioned.properties} ({@link Bindings}), the device tests and the
 * report ({@link HubCommissioning}).
 */
package org.zizhu.kiosk.commission;
