/**
 * Resident ID card reader (SAM module over a serial port).
 *
 * <p>{@link org.zizhu.device.idcard.IdCardReader} is what the kiosk holds: card events and the
 * common device status. {@link org.zizhu.device.idcard.SamIdCardReader} implements it by polling
 * the SAM reader; {@link org.zizhu.device.idcard.SamClient} is the wire-level
 * command/reply driver; {@link org.zizhu.device.idcard.Identity} is the decoded card (all four
 * card types), masked in {@code toString()} and wipeable. The simulator, test cards and the
 * simulated-mode factory ({@code SimulatedIdCard}) are in {@code org.zizhu.device.idcard.sim}, the technician commands in {@code ...tools}. See
 * docs/idcard.md.
 */
package org.zizhu.device.idcard;
