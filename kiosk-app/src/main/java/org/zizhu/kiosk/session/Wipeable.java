package org.zizhu.kiosk.session;

/** Something holding a resident's personal data that can destroy it. */
@FunctionalInterface
public interface Wipeable {
    void wipe();
}
