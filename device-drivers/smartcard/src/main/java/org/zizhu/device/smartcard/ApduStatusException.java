package org.zizhu.device.smartcard;

/** The card answered, but with a status word other than 9000. */
public final class ApduStatusException extends SmartCardException {
    private static final long serialVersionUID = 1L;

    private final int sw;

    public ApduStatusException(String what, int sw) {
        super(Reason.STATUS_WORD, what + " failed: SW " + String.format("%04X", sw) + " (" + StatusWord.of(sw).description() + ")");
        this.sw = sw;
    }

    public int sw() {
        return sw;
    }

    public StatusWord statusWord() {
        return StatusWord.of(sw);
    }
}
