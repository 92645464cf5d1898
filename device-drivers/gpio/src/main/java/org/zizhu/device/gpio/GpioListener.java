package org.zizhu.device.gpio;

/**
 * Receives GPIO events. Called on the GPIO scheduler thread: hand work off, don't block (a slow
 * listener delays debouncing and light steps).
 */
public interface GpioListener {
    /** The help button was pressed: call staff. Exactly once per press. */
    default void helpRequested() {
    }

    /** The tamper/door switch opened ({@code true}) or closed again. */
    default void tamperChanged(boolean open) {
    }

    default void fanChanged(boolean on) {
    }
}
