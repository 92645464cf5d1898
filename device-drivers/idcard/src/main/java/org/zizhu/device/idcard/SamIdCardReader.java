package org.zizhu.device.idcard;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zizhu.device.DeviceFault;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.StatusTracker;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.threads.DaemonThreads;

/**
 * The resident ID card reader on a SAM module behind a serial port: one daemon thread polls the SAM reader for cards,
 * reads and decodes each placed card once, and reports card-placed, identity-read,
 * read-failed and card-removed events, plus the common device status through
 * {@link #tracker()}:
 * <ul>
 * <li>NO_DEVICE: nothing at the port path, or the port disappeared (reported the moment
 * jSerialComm sees it); the reader reopens the path by itself when it comes back;</li>
 * <li>OFFLINE: the port is open but the reader does not answer (detail {@code timeout} or
 * {@code corrupt-reply});</li>
 * <li>HARDWARE_ERROR: the SAM reports a fault of its own (self-test failed, not authorised);</li>
 * <li>BUSY while a card is being read, ONLINE otherwise.</li>
 * </ul>
 * Every step is a structured {@code EventId} log event without personal data.
 *
 * <pre>{@code
 * IdCardReader reader = IdCardReader.open(IdCardReaderConfig.builder().portPath("/dev/serial/by-id/usb-...").build());
 * reader.addListener(e -> { if (e instanceof IdCardEvent.IdentityRead r) session.start(r.identity()); });
 * ...
 * reader.close();
 * }</pre>
 */
public final class SamIdCardReader implements IdCardReader {
    private static final Logger log = LoggerFactory.getLogger(SamIdCardReader.class);

    private final IdCardReaderConfig config;
    private final StatusTracker status;
    private final Clock clock;
    private final List<IdCardListener> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final Object sleeper = new Object();
    private volatile boolean running = true;
    private volatile boolean wake;

    // poll-thread state
    private SamClient client;
    private volatile boolean portLost;
    private boolean everConnected;
    private boolean lostSinceConnected;
    private boolean answering;
    private boolean cardPresent;
    private boolean cardDone;
    private volatile SamId samId;
    private volatile boolean cardOnReader;

    private SamIdCardReader(IdCardReaderConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.status = new StatusTracker(config.deviceId(), DeviceStatus.NO_DEVICE, clock);
        this.thread = DaemonThreads.unstarted("idcard-reader", this::run);
    }

    /** Starts polling the configured port; the reader connects (and reconnects) by itself. */
    static SamIdCardReader open(IdCardReaderConfig config, IdCardListener listener) {
        SamIdCardReader r = new SamIdCardReader(config, Clock.systemDefaultZone());
        if (listener != null) {
            r.addListener(listener);
        }
        r.thread.start();
        return r;
    }

    @Override
    public IdCardReaderConfig config() {
        return config;
    }

    @Override
    public void addListener(IdCardListener l) {
        listeners.add(l);
    }

    @Override
    public void removeListener(IdCardListener l) {
        listeners.remove(l);
    }

    @Override
    public StatusTracker tracker() {
        return status;
    }

    @Override
    public Optional<SamId> samId() {
        return Optional.ofNullable(samId);
    }

    @Override
    public boolean cardPresent() {
        return cardOnReader;
    }

    /** Stops polling, closes the port and waits for the poll thread to end. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        wakeUp();
        try {
            thread.join(5000 + config.readTimeout().toMillis() * (config.retries() + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("idcard poll thread did not stop in time");
        }
        EventLog.event(EventId.IDCARD_READER_CLOSED, Outcome.NA, "port", config.portPath());
    }

    // ---- poll thread ----

    private void run() {
        try {
            while (running) {
                try {
                    step();
                } catch (RuntimeException e) {
                    // Never let a bug kill the poll thread: contain, log, back off, carry on.
                    EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "device", config.deviceId(),
                            "error", e.getClass().getSimpleName());
                    log.warn("idcard poll step failed", e);
                    dropClient();
                    pause(config.reconnectInterval());
                }
            }
        } finally {
            dropClient();
        }
    }

    private void step() {
        if (client == null) {
            if (!connect()) {
                pause(config.reconnectInterval());
                return;
            }
        }
        try {
            if (!answering) {
                if (!probe()) {
                    pause(config.reconnectInterval());
                    return;
                }
            }
            poll();
            pause(config.pollInterval());
        } catch (SamLinkException e) {
            if (e.reason() == SamLinkException.Reason.PORT_LOST || portLost) {
                onPortLostInPollThread();
            } else if (e.reason() == SamLinkException.Reason.CLOSED) {
                dropClient();
            } else {
                notAnswering(e.reason());
                pause(config.reconnectInterval());
            }
        }
    }

    private boolean connect() {
        try {
            portLost = false;
            client = SamClient.open(config, this::onPortLostEvent);
            return true;
        } catch (SamLinkException e) {
            status.update(DeviceStatus.NO_DEVICE, e.reason());
            return false;
        }
    }

    /** Asks the SAM how it is; true if it can read cards. */
    private boolean probe() throws SamLinkException {
        SamStatus s = client.samStatus();
        DeviceStatus d = s.deviceStatusOnProbe();
        if (d != DeviceStatus.ONLINE) {
            if (status.update(DeviceStatus.HARDWARE_ERROR, s)) {
                EventLog.event(EventId.IDCARD_READER_NOT_ANSWERING, Outcome.FAILURE, "port", config.portPath(),
                        "reason", s.tag());
            }
            return false;
        }
        if (samId == null) {
            try {
                samId = client.samId();
            } catch (SamStatusException | MalformedCardDataException e) {
                log.debug("SAM id not available: {}", e.getMessage());
            }
        }
        answering = true;
        online(DeviceStatus.ONLINE, DeviceFault.Common.NONE);
        String sam = samId == null ? "" : samId.formatted();
        if (!everConnected) {
            everConnected = true;
            EventLog.event(EventId.IDCARD_READER_CONNECTED, Outcome.SUCCESS, "port", config.portPath(),
                    "baud", config.baud().bitsPerSecond(), "samId", sam);
        } else if (lostSinceConnected) {
            EventLog.event(EventId.IDCARD_READER_RECONNECTED, Outcome.SUCCESS, "port", config.portPath(), "samId", sam);
        }
        lostSinceConnected = false;
        return true;
    }

    private void poll() throws SamLinkException {
        long t0 = System.nanoTime();
        long bytes0 = client.bytesSent() + client.bytesReceived();
        boolean present;
        try {
            present = client.findCard();
        } catch (SamStatusException e) {
            // An odd answer to find-card (e.g. 0x24) tells nothing about the card: keep state.
            log.debug("find card answered {}", e.status());
            return;
        }
        if (!present) {
            if (cardPresent) {
                cardPresent = false;
                cardOnReader = false;
                EventLog.event(EventId.IDCARD_CARD_REMOVED, Outcome.SUCCESS, "port", config.portPath());
                emit(new IdCardEvent.CardRemoved(clock.instant()));
            }
            return;
        }
        if (!cardPresent) {
            cardPresent = true;
            cardOnReader = true;
            cardDone = false;
            EventLog.event(EventId.IDCARD_CARD_PLACED, Outcome.SUCCESS, "port", config.portPath());
            emit(new IdCardEvent.CardPlaced(clock.instant()));
        }
        if (!cardDone) {
            readPlacedCard(t0, bytes0);
        }
    }

    private void readPlacedCard(long t0, long bytes0) throws SamLinkException {
        cardDone = true; // one read per placement, success or not: the resident re-places to retry
        online(DeviceStatus.BUSY, IdCardFault.READING);
        String reason = null;
        SamStatus failedStatus = null;
        int attempts = 0;
        try {
            for (int attempt = 0; attempt <= config.retries(); attempt++) {
                attempts++;
                try {
                    if (attempt > 0) {
                        // the card must be found again before it can be selected
                        if (!client.findCard()) {
                            reason = SamStatus.FIND_CARD_FAILED.tag();
                            failedStatus = SamStatus.FIND_CARD_FAILED;
                            break;
                        }
                    }
                    client.selectCard();
                    Identity identity = client.readIdentity(config.readFingerprint());
                    long nanos = System.nanoTime() - t0;
                    long bytes = client.bytesSent() + client.bytesReceived() - bytes0;
                    IdCardEvent.ReadTimings timings = new IdCardEvent.ReadTimings(Duration.ofNanos(nanos), bytes,
                            Duration.ofNanos(bytes * config.baud().nanosPerByte()), attempts);
                    EventLog.event(EventId.IDCARD_CARD_READ, Outcome.SUCCESS, "port", config.portPath(),
                            "cardType", identity.cardType().name(), "ms", nanos / 1_000_000, "bytes", bytes,
                            "attempts", attempts);
                    online(DeviceStatus.ONLINE, DeviceFault.Common.NONE);
                    emit(new IdCardEvent.IdentityRead(identity, timings, clock.instant()));
                    return;
                } catch (SamStatusException e) {
                    reason = e.status().tag();
                    failedStatus = e.status();
                } catch (MalformedCardDataException e) {
                    reason = "malformed-card-data";
                    failedStatus = null;
                    log.debug("card data rejected: {}", e.getMessage());
                }
            }
        } catch (SamLinkException e) {
            failRead(e.tag(), null, attempts);
            throw e;
        }
        online(DeviceStatus.ONLINE, DeviceFault.Common.NONE);
        failRead(reason, failedStatus, attempts);
    }

    /** ONLINE/BUSY, unless the port was lost meanwhile (that NO_DEVICE must not be overwritten). */
    private void online(DeviceStatus s, DeviceFault reason) {
        if (!portLost) {
            status.update(s, reason);
        }
    }

    private void failRead(String reason, SamStatus s, int attempts) {
        EventLog.event(EventId.IDCARD_CARD_READ, Outcome.FAILURE, "port", config.portPath(), "reason", reason,
                "attempts", attempts);
        emit(new IdCardEvent.ReadFailed(reason, s, clock.instant()));
    }

    private void notAnswering(SamLinkException.Reason reason) {
        answering = false;
        lostSinceConnected = true;
        if (status.update(DeviceStatus.OFFLINE, reason)) {
            EventLog.event(EventId.IDCARD_READER_NOT_ANSWERING, Outcome.FAILURE, "port", config.portPath(), "reason", reason.tag());
        }
        cardGone();
    }

    /** jSerialComm event thread: report at once, let the poll thread clean up. */
    private void onPortLostEvent() {
        portLost = true;
        status.update(DeviceStatus.NO_DEVICE, SamLinkException.Reason.PORT_LOST);
        wakeUp();
    }

    private void onPortLostInPollThread() {
        status.update(DeviceStatus.NO_DEVICE, SamLinkException.Reason.PORT_LOST);
        EventLog.event(EventId.IDCARD_PORT_LOST, Outcome.FAILURE, "port", config.portPath());
        lostSinceConnected = true;
        dropClient();
        cardGone();
    }

    private void cardGone() {
        if (cardPresent) {
            cardPresent = false;
            cardOnReader = false;
            EventLog.event(EventId.IDCARD_CARD_REMOVED, Outcome.NA, "port", config.portPath(), "reason", "reader-lost");
            emit(new IdCardEvent.CardRemoved(clock.instant()));
        }
    }

    private void dropClient() {
        answering = false;
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private void emit(IdCardEvent e) {
        for (IdCardListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                log.warn("idcard listener failed on {}", e.getClass().getSimpleName(), ex);
            }
        }
    }

    private void wakeUp() {
        synchronized (sleeper) {
            wake = true;
            sleeper.notifyAll();
        }
    }

    /** Sleeps until the interval passes, the port is lost, or close() is called. */
    private void pause(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        synchronized (sleeper) {
            while (running && !wake) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    sleeper.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wake = false;
        }
        if (portLost && client != null) {
            onPortLostInPollThread();
        }
    }

    @Override
    public String toString() {
        return "SamIdCardReader[" + config.portPath() + ", " + status.status() + "]";
    }
}
