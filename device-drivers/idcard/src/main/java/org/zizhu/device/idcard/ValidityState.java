package org.zizhu.device.idcard;

/** Whether a card is valid on a given day. */
public enum ValidityState {
    VALID, EXPIRED, NOT_YET_VALID
}
