package org.zizhu.device.idcard;

/** Receives reader events on the reader's poll thread: hand off quickly, don't block. */
@FunctionalInterface
public interface IdCardListener {
    void onEvent(IdCardEvent event);
}
