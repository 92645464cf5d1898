/**
 * Technician card login: the card protocol (docs/smartcard.md), the kiosk side
 * ({@link org.zizhu.device.smartcard.technician.TechnicianCardAuthenticator}) and the centre's
 * issuing step ({@link org.zizhu.device.smartcard.technician.TechnicianCardIssuer}).
 */
package org.zizhu.device.smartcard.technician;
