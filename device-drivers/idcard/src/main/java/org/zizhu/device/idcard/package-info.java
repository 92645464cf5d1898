/**
 * Resident ID card reader (SAM module over a serial port).
 *
 * <p>{@link org.zizhu.device.idcard.IdCardReader} (the SAM reader, {@link org.zizhu.device.idcard.SamIdCardReader}) polls the reader and reports card events and
 * the common device status; {@link org.zizhu.device.idcard.SamClient} is the wire-level
 * command/reply driver; {@link org.zizhu.device.idcard.Identity} is the decoded card (all four
 * card types), masked in {@code toString()} and wipeable. The simulator and test cards are in
 * {@code org.zizhu.device.idcard.sim}, the technician commands in {@code ...tools}. See
 * docs/idcard.md.
 */
package org.zizhu.device.idcard;
