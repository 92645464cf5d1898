/**
 * Virtual cards for pcscd's vpcd driver (vsmartcard): {@link org.zizhu.device.smartcard.sim.VirtualCardConnection}
 * plays the card end of vpcd's TCP socket inside the JVM, so the kiosk's real PC/SC path
 * (libpcsclite, pcscd, jnasmartcardio) is exercised end to end. Applets: the technician card,
 * the social-security card (assumed layout), and a garbage card; faults are scriptable.
 * Simulators only: nothing here is ever chosen by the kiosk unless configured explicitly.
 */
package org.zizhu.device.smartcard.sim;
