package org.zizhu.device.smartcard.sim;

import org.zizhu.device.smartcard.CommandApdu;
import org.zizhu.device.smartcard.ResponseApdu;

/** Base for applets: parses the command, maps malformed commands and bugs to status words. */
abstract class IsoApplet implements CardApplet {
    static final int SW_OK = 0x9000;

    @Override
    public final byte[] process(byte[] commandApdu) {
        CommandApdu c;
        try {
            c = CommandApdu.parse(commandApdu);
        } catch (IllegalArgumentException e) {
            return ResponseApdu.of(0x6700).bytes();
        }
        if ((c.cla() & 0x80) != 0 && !acceptsProprietaryClass()) {
            return ResponseApdu.of(0x6E00).bytes();
        }
        try {
            return handle(c).bytes();
        } catch (RuntimeException e) {
            return ResponseApdu.of(0x6F00).bytes();
        }
    }

    boolean acceptsProprietaryClass() {
        return false;
    }

    abstract ResponseApdu handle(CommandApdu c);
}
