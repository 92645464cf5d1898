/**
 * PC/SC smart-card reader for the kiosk: reader discovery and card insertion/removal events
 * ({@link org.zizhu.device.smartcard.SmartCardReader}), APDU exchange with status words mapped
 * to typed errors ({@link org.zizhu.device.smartcard.StatusWord},
 * {@link org.zizhu.device.smartcard.SmartCardException}), and the common device status.
 *
 * <p>Card applications live in feature packages: {@code technician} (maintenance-mode login),
 * {@code sscard} (social-security card public data); the virtual cards that talk to pcscd's
 * vpcd driver are in {@code sim}; technician commands in {@code tools}.
 */
package org.zizhu.device.smartcard;
