/**
 * The GPIO board: {@link org.zizhu.device.gpio.Gpio} is what the kiosk holds (light, help button,
 * tamper switch, fan, relay and the common device status), {@link org.zizhu.device.gpio.GpioController}
 * implements it on Pi4J. {@link org.zizhu.device.gpio.SimulatedGpio} is the simulated-mode factory,
 * its controls the {@link org.zizhu.device.gpio.GpioSimulator}.
 */
package org.zizhu.device.gpio;
