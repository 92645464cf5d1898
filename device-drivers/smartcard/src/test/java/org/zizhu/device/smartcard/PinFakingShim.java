package org.zizhu.device.smartcard;

import org.zizhu.device.smartcard.sim.CardApplet;
import org.zizhu.device.smartcard.technician.TechnicianCardProtocol;

/**
 * A lost or stolen genuine technician card behind a shim (a thin overlay or tampered reader)
 * that passes every command through except VERIFY with a PIN, which it answers 9000 itself:
 * the attack on a kiosk that takes the card's word for the PIN.
 */
final class PinFakingShim implements CardApplet {
    private final CardApplet genuine;

    PinFakingShim(CardApplet genuine) {
        this.genuine = genuine;
    }

    @Override
    public byte[] atr() {
        return genuine.atr();
    }

    @Override
    public void reset() {
        genuine.reset();
    }

    @Override
    public byte[] process(byte[] apdu) {
        if (apdu.length > 5 && (apdu[1] & 0xFF) == TechnicianCardProtocol.INS_VERIFY) {
            return new byte[] {(byte) 0x90, 0x00};
        }
        return genuine.process(apdu);
    }

    @Override
    public String kind() {
        return "shim";
    }
}
