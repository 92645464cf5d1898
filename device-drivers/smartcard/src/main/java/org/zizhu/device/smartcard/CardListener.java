package org.zizhu.device.smartcard;

/** Receives card insertion and removal. Called on the reader's monitor thread: hand off, don't block. */
@FunctionalInterface
public interface CardListener {
    void onCardEvent(CardEvent event);
}
