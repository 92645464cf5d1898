package org.zizhu.device.smartcard.sim;

/**
 * The card side of a virtual card: answers command APDUs like a chip would. Implementations
 * must never throw for any input: a real card answers a status word to anything.
 */
public interface CardApplet {
    /** Answer to reset sent to the reader on power-up. */
    byte[] atr();

    /** Power-on or reset: forget session state (selected application, verified PIN). */
    void reset();

    /** One command APDU in, one response APDU (data + SW1 SW2) out. */
    byte[] process(byte[] commandApdu);

    /** Short name for logs and the SIM tool, e.g. {@code technician}. */
    String kind();
}
