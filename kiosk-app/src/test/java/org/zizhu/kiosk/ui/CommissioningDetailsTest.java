package org.zizhu.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.zizhu.kiosk.i18n.Language;
import org.zizhu.kiosk.i18n.Messages;

/** The wizard's findings read in the technician's language; protocol facts and unknown tags stay as they are. */
class CommissioningDetailsTest {
    private static final Messages MSG = new Messages();

    @Test
    void knownTagsAreWordedInTheScreensLanguage() {
        assertEquals("已在使用，应答正常", CommissioningDetails.text(MSG, Language.ZH, "in use, answering"));
        assertEquals("CUPS打印队列：zizhu-a4, office", CommissioningDetails.text(MSG, Language.ZH, "CUPS queues: zizhu-a4, office"));
        assertEquals("已打印（812字节）", CommissioningDetails.text(MSG, Language.ZH, "printed 812 bytes"));
        assertEquals("阅读器上没有证件", CommissioningDetails.text(MSG, Language.ZH, "no-card"));
        assertEquals("no card on the reader", CommissioningDetails.text(MSG, Language.EN, "no-card"));
        assertEquals("阅读器上没有证件", CommissioningDetails.text(MSG, Language.MN, "no-card"), "Mongolian falls back to Chinese until translated");
    }

    @Test
    void protocolFactsAndUnknownTagsAreShownUnchanged() {
        assertEquals("DLE EOT 0x12", CommissioningDetails.text(MSG, Language.ZH, "DLE EOT 0x12"));
        assertEquals("640x480", CommissioningDetails.text(MSG, Language.ZH, "640x480"));
        assertEquals("a new tag", CommissioningDetails.text(MSG, Language.ZH, "a new tag"));
        assertEquals("", CommissioningDetails.text(MSG, Language.ZH, null));
    }
}
