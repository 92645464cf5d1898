package org.zizhu.device.smartcard;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zizhu.device.DeviceFault;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.StatusTracker;
import org.zizhu.device.smartcard.SmartCardException.Reason;
import org.zizhu.device.smartcard.internal.Hex;
import org.zizhu.device.smartcard.internal.Pcsc;
import org.zizhu.device.smartcard.internal.PcscCardSession;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.threads.DaemonThreads;

/**
 * The PC/SC reader, watched by one monitor thread on its own PC/SC context:
 * <ul>
 * <li>pcscd unreachable: status OFFLINE ({@code pcscd-unavailable}); a new context is tried
 *     every {@link SmartCardConfig#reconnectInterval()}, so a restarted pcscd is picked up by
 *     itself;</li>
 * <li>no reader matches the pattern (unplugged): NO_DEVICE ({@code no-matching-reader});</li>
 * <li>reader present: ONLINE; card insertion and removal wake the monitor at once
 *     (SCardGetStatusChange) and are delivered to {@link CardListener}s.</li>
 * </ul>
 * Card exchanges ({@link #openSession()}) use a separate context per session.
 */
public final class PcscSmartCardReader implements SmartCardReader {
    private static final Logger log = LoggerFactory.getLogger(PcscSmartCardReader.class);

    private final SmartCardConfig config;
    private final Clock clock;
    private final StatusTracker status;
    private final List<CardListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private Thread monitor;
    private volatile boolean running;
    private volatile String readerName;
    private volatile boolean cardPresent;
    private volatile String atrHex = "";

    private PcscSmartCardReader(SmartCardConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.status = new StatusTracker(config.deviceId(), DeviceStatus.NO_DEVICE, clock);
    }

    /** Creates the reader and starts watching: status and card events from its monitor thread. */
    public static PcscSmartCardReader open(SmartCardConfig config) {
        PcscSmartCardReader r = new PcscSmartCardReader(config, Clock.systemUTC());
        r.start();
        return r;
    }

    @Override
    public SmartCardConfig config() {
        return config;
    }

    private void start() {
        synchronized (lock) {
            if (monitor != null) {
                return;
            }
            running = true;
            monitor = DaemonThreads.start("smartcard-monitor-" + config.deviceId(), this::monitorLoop);
        }
    }

    @Override
    public StatusTracker tracker() {
        return status;
    }

    @Override
    public Optional<String> readerName() {
        return Optional.ofNullable(readerName);
    }

    @Override
    public boolean cardPresent() {
        return cardPresent;
    }

    @Override
    public String atrHex() {
        return atrHex;
    }

    @Override
    public void addCardListener(CardListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeCardListener(CardListener listener) {
        listeners.remove(listener);
    }

    @Override
    public CardSession openSession() throws SmartCardException {
        String name = readerName;
        if (name == null) {
            DeviceStatus s = status.status();
            if (s == DeviceStatus.OFFLINE) {
                throw new SmartCardException(Reason.SERVICE_UNAVAILABLE, "pcscd is not reachable; scripts/stacks/pcscd.sh start");
            }
            throw new SmartCardException(Reason.NO_READER,
                    "no PC/SC reader matches /" + config.readerNamePattern().pattern() + "/");
        }
        return PcscCardSession.open(name, config.connectTimeout(), config.apduTimeout());
    }

    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            running = false;
            t = monitor;
            monitor = null;
        }
        if (t != null) {
            t.interrupt();
            try {
                // The monitor blocks at most one poll interval in PC/SC.
                t.join(config.pollInterval().toMillis() * 4 + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- monitor thread ----

    private void monitorLoop() {
        CardTerminals ctx = null;
        long pollMs = config.pollInterval().toMillis();
        while (running) {
            try {
                if (ctx == null) {
                    ctx = Pcsc.establish();
                }
                Optional<CardTerminal> found = Pcsc.find(ctx, config.readerNamePattern());
                if (found.isEmpty()) {
                    readerGone(DeviceStatus.NO_DEVICE, SmartCardFault.NO_MATCHING_READER);
                    sleep(pollMs);
                    continue;
                }
                CardTerminal terminal = found.get();
                readerOnline(terminal.getName());
                boolean present = terminal.isCardPresent();
                if (present != cardPresent) {
                    cardChanged(terminal, present);
                }
                if (present) {
                    terminal.waitForCardAbsent(pollMs);
                } else {
                    terminal.waitForCardPresent(pollMs);
                }
            } catch (SmartCardException e) {
                // establish() failed: pcscd is not there (yet).
                readerGone(DeviceStatus.OFFLINE, SmartCardFault.PCSCD_UNAVAILABLE);
                sleep(config.reconnectInterval().toMillis());
            } catch (Exception | LinkageError e) {
                Reason r = Pcsc.classify(e);
                if (r == Reason.NO_READER) {
                    readerGone(DeviceStatus.NO_DEVICE, SmartCardFault.NO_MATCHING_READER);
                } else if (r == Reason.SERVICE_UNAVAILABLE) {
                    readerGone(DeviceStatus.OFFLINE, SmartCardFault.PCSCD_UNAVAILABLE);
                } else {
                    log.debug("smart-card monitor: {}", e.toString());
                    EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "device", config.deviceId(),
                            "where", "smartcard-monitor", "error", e.getClass().getSimpleName());
                    readerGone(DeviceStatus.OFFLINE, SmartCardFault.PCSC_ERROR);
                }
                // Any failure: drop the context; the next round establishes a fresh one.
                Pcsc.release(ctx);
                ctx = null;
                sleep(config.reconnectInterval().toMillis());
            }
        }
        Pcsc.release(ctx);
    }

    private void readerOnline(String name) {
        if (!name.equals(readerName)) {
            readerName = name;
            EventLog.event(EventId.SMARTCARD_READER_CONNECTED, Outcome.SUCCESS, "device", config.deviceId(), "reader", name);
        }
        status.update(DeviceStatus.ONLINE, DeviceFault.Common.NONE);
    }

    private void readerGone(DeviceStatus s, SmartCardFault reason) {
        String was = readerName;
        readerName = null;
        if (cardPresent) {
            cardPresent = false;
            atrHex = "";
            fire(new CardEvent(CardEvent.Kind.REMOVED, was == null ? "" : was, "", clock.instant()));
        }
        if (status.update(s, reason)) {
            EventLog.event(EventId.SMARTCARD_READER_LOST, Outcome.FAILURE, "device", config.deviceId(),
                    "status", s.name(), "detail", reason.tag());
        }
    }

    private void cardChanged(CardTerminal terminal, boolean present) {
        cardPresent = present;
        if (present) {
            atrHex = readAtr(terminal);
            EventLog.event(EventId.SMARTCARD_CARD_INSERTED, Outcome.SUCCESS, "reader", terminal.getName(), "atr", atrHex);
            fire(new CardEvent(CardEvent.Kind.INSERTED, terminal.getName(), atrHex, clock.instant()));
        } else {
            atrHex = "";
            EventLog.event(EventId.SMARTCARD_CARD_REMOVED, Outcome.SUCCESS, "reader", terminal.getName());
            fire(new CardEvent(CardEvent.Kind.REMOVED, terminal.getName(), "", clock.instant()));
        }
    }

    /** Shared connect to read the ATR; leaves the card powered. Empty if the card will not answer. */
    private static String readAtr(CardTerminal terminal) {
        try {
            Card c = terminal.connect("*");
            try {
                return Hex.of(c.getATR().getBytes());
            } finally {
                c.disconnect(false);
            }
        } catch (Exception e) {
            return "";
        }
    }

    private void fire(CardEvent e) {
        for (CardListener l : listeners) {
            try {
                l.onCardEvent(e);
            } catch (RuntimeException ex) {
                log.warn("card listener failed", ex);
            }
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            // close() interrupts; the loop condition ends the thread
        }
    }

    @Override
    public String toString() {
        return "PcscSmartCardReader[" + config.deviceId() + ", " + status.status() + ", reader=" + readerName
                + ", card=" + cardPresent + "]";
    }
}
