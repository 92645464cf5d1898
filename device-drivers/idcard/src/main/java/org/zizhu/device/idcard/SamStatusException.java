package org.zizhu.device.idcard;

import java.io.IOException;

/** The reader answered, but with a status other than success for the command. */
public final class SamStatusException extends IOException {
    private final SamCommand command;
    private final SamStatus status;
    private final int sw3;

    public SamStatusException(SamCommand command, SamReply reply) {
        super(command + " answered " + reply.status() + String.format(" (0x%02X: %s)", reply.sw3(), reply.status().meaning()));
        this.command = command;
        this.status = reply.status();
        this.sw3 = reply.sw3();
    }

    public SamCommand command() {
        return command;
    }

    public SamStatus status() {
        return status;
    }

    /** The raw status byte (useful when {@link #status()} is UNRECOGNISED). */
    public int sw3() {
        return sw3;
    }
}
