package org.zizhu.device.smartcard;

import java.util.ArrayList;
import java.util.List;
import org.zizhu.device.smartcard.sim.CardApplet;

/**
 * Wraps a virtual card and keeps a copy of every command APDU the card receives through
 * pcscd, so a test can state exactly what reached the chip (for example: never a VERIFY, never
 * the PIN's bytes). Test cards only: it holds PIN blocks in memory.
 */
final class RecordingApplet implements CardApplet {
    private final CardApplet card;
    private final List<byte[]> received = new ArrayList<>();

    RecordingApplet(CardApplet card) {
        this.card = card;
    }

    @Override
    public byte[] atr() {
        return card.atr();
    }

    @Override
    public void reset() {
        card.reset();
    }

    @Override
    public byte[] process(byte[] commandApdu) {
        synchronized (received) {
            received.add(commandApdu.clone());
        }
        return card.process(commandApdu);
    }

    @Override
    public String kind() {
        return card.kind();
    }

    /** Copies of the command APDUs received so far, in order. */
    List<byte[]> received() {
        synchronized (received) {
            return received.stream().map(byte[]::clone).toList();
        }
    }

    /** The instruction bytes received so far, in order. */
    List<Integer> instructions() {
        return received().stream().map(a -> a.length > 1 ? a[1] & 0xFF : -1).toList();
    }

    /** True if {@code needle} occurs anywhere in any command APDU received. */
    boolean anyCommandContains(byte[] needle) {
        for (byte[] apdu : received()) {
            outer:
            for (int i = 0; i + needle.length <= apdu.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (apdu[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
