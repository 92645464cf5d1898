package org.zizhu.kiosk.flow;

import java.util.List;
import org.zizhu.kiosk.catalog.Catalog;

/**
 * The port through which the kiosk flow reads what lives behind the screens: the catalogue, the
 * link to the centre and the devices' health, and asks for a catalogue sync. Implemented over the
 * runtime (org.zizhu.kiosk.runtime.KioskWiring).
 */
public interface KioskBackend {
    Catalog catalog();

    /** The centre cannot be reached: the window shows the offline banner. */
    boolean offline();

    /** The link state's name, for the maintenance screen. */
    String linkStatus();

    /** Every device's health, for the maintenance screen and the status light. */
    List<DeviceHealth> devices();

    /** Fetches the catalogue from the centre now (a technician's "sync"). */
    void syncNow() throws Exception;

    /** Calls {@code r} when the catalogue or the link changes (the window re-renders). */
    void onChange(Runnable r);
}
