package org.zizhu.kiosk.outbox;

/**
 * What an outbox message is. Messages of one kind are delivered in the order they were
 * enqueued; kinds do not wait for each other (a stuck heartbeat never holds up a rating).
 */
public enum OutboxKind {
    /** 好差评 ratings. */
    EVALUATION,
    /** 办不成事 reports. */
    REPORT,
    /** Application submissions the centre may accept later (the case number comes on delivery). */
    APPLICATION,
    HEARTBEAT,
    LOG
}
