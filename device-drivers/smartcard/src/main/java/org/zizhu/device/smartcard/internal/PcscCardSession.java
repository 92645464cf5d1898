package org.zizhu.device.smartcard.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import org.zizhu.device.smartcard.CardSession;
import org.zizhu.device.smartcard.CommandApdu;
import org.zizhu.device.smartcard.ResponseApdu;
import org.zizhu.device.smartcard.SmartCardException;
import org.zizhu.device.smartcard.SmartCardException.Reason;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.threads.DaemonThreads;

/**
 * A card connection on its own PC/SC context and its own I/O thread. PC/SC has no per-call
 * timeout and a call on a context cannot be interrupted, so each call runs on the session's
 * thread and the caller waits at most the configured timeout; after a timeout the session is
 * broken, and the pending call, then disconnect and context release, finish on that thread
 * whenever the card or pcscd lets go. The kiosk thread is never held hostage by a card.
 */
public final class PcscCardSession implements CardSession {
    /** One factory for all sessions, so session thread numbers never repeat. */
    private static final ThreadFactory SESSION_THREADS = DaemonThreads.numbered("smartcard-session");

    private final CardTerminals context;
    private final CardTerminal terminal;
    private final Card card;
    private final CardChannel channel;
    private final String readerName;
    private final byte[] atr;
    private final Duration apduTimeout;
    private final ExecutorService io;
    private volatile boolean broken;
    private volatile boolean closed;

    private PcscCardSession(CardTerminals context, CardTerminal terminal, Card card, String readerName, Duration apduTimeout,
                            ExecutorService io) {
        this.context = context;
        this.terminal = terminal;
        this.card = card;
        this.channel = card.getBasicChannel();
        this.readerName = readerName;
        this.atr = card.getATR().getBytes();
        this.apduTimeout = apduTimeout;
        this.io = io;
    }

    /** Establishes a context, connects to the card in {@code readerName} (shared, T=0 or T=1). */
    public static PcscCardSession open(String readerName, Duration connectTimeout, Duration apduTimeout) throws SmartCardException {
        ExecutorService io = Executors.newSingleThreadExecutor(SESSION_THREADS);
        Future<PcscCardSession> f = io.submit(() -> {
            CardTerminals ctx = Pcsc.establish();
            try {
                CardTerminal terminal = ctx.getTerminal(readerName);
                if (terminal == null) {
                    throw new SmartCardException(Reason.NO_READER, "reader '" + readerName + "' is gone");
                }
                Card c = terminal.connect("*");
                return new PcscCardSession(ctx, terminal, c, readerName, apduTimeout, io);
            } catch (SmartCardException e) {
                Pcsc.release(ctx);
                throw e;
            } catch (Exception | LinkageError e) {
                Pcsc.release(ctx);
                throw Pcsc.wrap("connect to the card", e);
            }
        });
        try {
            return f.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The connect may still complete; close whatever it produced on the same thread.
            io.execute(() -> {
                try {
                    f.get().closeNow();
                } catch (Exception ignored) {
                    // it failed by itself: nothing to release
                }
            });
            io.shutdown();
            throw new SmartCardException(Reason.TIMEOUT, "the card did not answer to reset within " + connectTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            io.shutdown();
            Throwable c = e.getCause();
            if (c instanceof SmartCardException s) {
                throw s;
            }
            throw Pcsc.wrap("connect to the card", c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            io.shutdown();
            throw new SmartCardException(Reason.SESSION_CLOSED, "interrupted while connecting");
        }
    }

    @Override
    public byte[] atr() {
        return atr.clone();
    }

    @Override
    public String readerName() {
        return readerName;
    }

    @Override
    public ResponseApdu transmit(CommandApdu command) throws SmartCardException {
        if (closed || broken) {
            throw new SmartCardException(Reason.SESSION_CLOSED,
                    "card session is " + (closed ? "closed" : "broken by an earlier failure") + "; open a new one");
        }
        byte[] raw = call("transmit " + command, () -> channel.transmit(new CommandAPDU(command.bytes())).getBytes(), apduTimeout, command);
        try {
            return ResponseApdu.parse(raw);
        } catch (SmartCardException e) {
            failed(e, command);
            throw e;
        }
    }

    private <T> T call(String what, Callable<T> task, Duration timeout, CommandApdu command) throws SmartCardException {
        Future<T> f;
        try {
            f = io.submit(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new SmartCardException(Reason.SESSION_CLOSED, "card session is closed");
        }
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            SmartCardException s = new SmartCardException(Reason.TIMEOUT,
                    "the card did not answer " + command + " within " + timeout.toMillis() + " ms");
            failed(s, command);
            throw s;
        } catch (ExecutionException e) {
            SmartCardException s = Pcsc.wrap(what, e.getCause());
            if (s.reason() == Reason.MALFORMED_RESPONSE && cardGone()) {
                s = new SmartCardException(Reason.CARD_REMOVED, what + ": the card was removed during the exchange", e.getCause());
            }
            failed(s, command);
            throw s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broken = true;
            throw new SmartCardException(Reason.SESSION_CLOSED, "interrupted while waiting for the card");
        }
    }

    /**
     * vpcd reports a card pulled mid-exchange as a successful transmit with an empty answer,
     * which looks like a malformed response; a real reader says SCARD_W_REMOVED_CARD. Tell
     * the two apart by asking whether the card is still there (vpcd notices within ~100 ms; we look for up to 1 s).
     */
    private boolean cardGone() {
        Future<Boolean> f = io.submit(() -> {
            for (int i = 0; i < 20; i++) {
                if (!terminal.isCardPresent()) {
                    return true;
                }
                Thread.sleep(50);
            }
            return false;
        });
        try {
            return f.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    private void failed(SmartCardException e, CommandApdu command) {
        broken = true;
        // Header only: the command data may be a PIN.
        EventLog.event(EventId.SMARTCARD_APDU_FAILED, Outcome.FAILURE, "reader", readerName,
                "reason", e.reason().name(), "ins", String.format("%02X", command.ins()));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Queued behind any pending call: a context cannot be released while a call holds it.
        try {
            io.execute(this::closeNow);
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
            // already shut down
        }
        io.shutdown();
    }

    private void closeNow() {
        closed = true;
        try {
            card.disconnect(false);
        } catch (Exception ignored) {
            // card or daemon already gone
        }
        Pcsc.release(context);
    }

    @Override
    public String toString() {
        return "PcscCardSession[" + readerName + (broken ? ", broken" : "") + (closed ? ", closed" : "") + "]";
    }
}
