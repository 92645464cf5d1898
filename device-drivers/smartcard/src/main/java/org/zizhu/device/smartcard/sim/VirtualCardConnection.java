package org.zizhu.device.smartcard.sim;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.threads.DaemonThreads;

/**
 * A card slot of pcscd's vpcd driver, played from inside the JVM. Connecting to vpcd's TCP
 * port is inserting a card; closing the socket is removing it. Wire format (vsmartcard vpcd):
 * every message is a 2-byte big-endian length and a payload; a 1-byte payload from vpcd is a
 * control code (0 power off, 1 power on, 2 reset, 4 send ATR: only 4 is answered), a longer one
 * is a command APDU answered with a response APDU.
 *
 * <pre>{@code
 * try (VirtualCardConnection slot = VirtualCardConnection.vpcd(0)) {   // "Virtual PCD 00 00"
 *     slot.insert(TechnicianCardApplet.demo(...));
 *     ...
 *     slot.remove();
 * }
 * }</pre>
 *
 * <p>If vpcd goes away while a card is inserted (pcscd restarted) the card stays "inserted"
 * and reconnects by itself when vpcd listens again, as a card left in a reader would.
 * Faults ({@link #addFault}) script misbehaviour per instruction byte.
 */
public final class VirtualCardConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VirtualCardConnection.class);

    /** vpcd's first port; reader "Virtual PCD 00 0N" listens on BASE_PORT + N. */
    public static final int BASE_PORT = 35963;
    /** Matches any instruction byte in {@link #addFault}. */
    public static final int ANY_INS = -1;

    private static final int CTRL_POWER_OFF = 0;
    private static final int CTRL_POWER_ON = 1;
    private static final int CTRL_RESET = 2;
    private static final int CTRL_ATR = 4;

    private final String host;
    private final int port;
    private final Object lock = new Object();
    private final List<FaultRule> faults = new ArrayList<>();
    private Insertion current;
    private volatile boolean closed;
    private volatile long commands;

    private static final class FaultRule {
        final int ins;
        final Fault fault;
        int remaining;

        FaultRule(int ins, Fault fault, int times) {
            this.ins = ins;
            this.fault = fault;
            this.remaining = times;
        }
    }

    /** One stay of one card in the slot; its worker thread stops when {@code active} drops. */
    private static final class Insertion {
        final CardApplet card;
        volatile Socket socket;
        volatile boolean active = true;
        Thread worker;

        Insertion(CardApplet card, Socket socket) {
            this.card = card;
            this.socket = socket;
        }

        void end() {
            active = false;
            closeQuietly(socket);
        }
    }

    public VirtualCardConnection(String host, int port) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
    }

    /** The slot of reader "Virtual PCD 00 0{index}" on loopback. */
    public static VirtualCardConnection vpcd(int index) {
        return new VirtualCardConnection("127.0.0.1", BASE_PORT + index);
    }

    public int port() {
        return port;
    }

    /**
     * Inserts the card: connects to vpcd and starts answering. Replaces a card already in the
     * slot. Throws if vpcd is not listening (pcscd not running).
     */
    public void insert(CardApplet card) throws IOException {
        Objects.requireNonNull(card, "card");
        remove();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("connection closed");
            }
            Insertion ins = new Insertion(card, connect());
            ins.worker = DaemonThreads.unstarted("vpcd-card-" + port, () -> serve(ins));
            current = ins;
            ins.worker.start();
        }
        EventLog.event(EventId.SMARTCARD_VIRTUAL_CARD, Outcome.SUCCESS, "action", "insert", "card", card.kind(), "port", port);
    }

    /** Removes the card (closes the socket; pcscd sees the removal within ~100 ms). Idempotent. */
    public void remove() {
        Insertion ins;
        synchronized (lock) {
            ins = current;
            current = null;
        }
        if (ins == null || !ins.active) {
            return;
        }
        ins.end();
        if (ins.worker != Thread.currentThread()) {
            try {
                ins.worker.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        EventLog.event(EventId.SMARTCARD_VIRTUAL_CARD, Outcome.SUCCESS, "action", "remove", "card", ins.card.kind(), "port", port);
    }

    public boolean inserted() {
        Insertion ins = current;
        return ins != null && ins.active;
    }

    /** The card in the slot, or null. */
    public CardApplet applet() {
        Insertion ins = current;
        return ins != null && ins.active ? ins.card : null;
    }

    /** Command APDUs answered or faulted since creation. */
    public long commandCount() {
        return commands;
    }

    /**
     * Applies {@code fault} to the next {@code times} commands with instruction byte {@code ins}
     * ({@link #ANY_INS} for all); {@code times} &lt; 0 means every one until {@link #clearFaults()}.
     */
    public void addFault(int ins, Fault fault, int times) {
        Objects.requireNonNull(fault, "fault");
        if (times == 0) {
            throw new IllegalArgumentException("times must be non-zero");
        }
        synchronized (faults) {
            faults.add(new FaultRule(ins, fault, times));
        }
    }

    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    @Override
    public void close() {
        closed = true;
        remove();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            // Not 1 s: vpcd accepts from its polling loop with a tiny backlog, so a SYN can be
            // dropped once and only the retransmission (after 1 s) gets through.
            s.connect(new InetSocketAddress(host, port), 3000);
            return s;
        } catch (IOException e) {
            closeQuietly(s);
            throw new IOException("cannot insert a virtual card: vpcd is not listening on " + host + ":" + port
                    + " (start pcscd with the vpcd driver: scripts/stacks/pcscd.sh start; package vsmartcard-vpcd)", e);
        }
    }

    /** Worker: answers vpcd until removed; reconnects while inserted if vpcd went away. */
    private void serve(Insertion ins) {
        while (ins.active && !closed) {
            Socket s = ins.socket;
            try {
                serveConnection(s, ins);
            } catch (IOException e) {
                log.debug("vpcd connection on port {} ended: {}", port, e.toString());
            }
            closeQuietly(s);
            // Still inserted: vpcd (pcscd) went away. Keep the card in the slot and come back.
            while (ins.active && !closed) {
                try {
                    Thread.sleep(200);
                    Socket n = connect();
                    ins.socket = n;
                    if (!ins.active) {
                        closeQuietly(n);
                        return;
                    }
                    log.debug("virtual card reconnected to vpcd on port {}", port);
                    break;
                } catch (IOException e) {
                    // not back yet
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void serveConnection(Socket s, Insertion ins) throws IOException {
        CardApplet card = ins.card;
        DataInputStream in = new DataInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        while (ins.active && !s.isClosed()) {
            // Without QUICKACK every APDU waits ~40 ms for the delayed ACK; the kernel clears the
            // option after use, so set it before every receive.
            try {
                s.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            } catch (UnsupportedOperationException | SocketException ignored) {
                // not Linux: slower, still correct
            }
            int len;
            try {
                len = in.readUnsignedShort();
            } catch (EOFException e) {
                return;
            }
            byte[] msg = new byte[len];
            in.readFully(msg);
            if (len == 1) {
                switch (msg[0]) {
                    case CTRL_POWER_OFF, CTRL_POWER_ON, CTRL_RESET -> card.reset();
                    case CTRL_ATR -> send(out, card.atr());
                    default -> log.debug("vpcd sent unknown control code {}", msg[0]);
                }
                continue;
            }
            commands++;
            byte[] response = answer(ins, msg);
            if (response == null) {
                return; // card pulled mid-exchange
            }
            send(out, response);
        }
    }

    private byte[] answer(Insertion ins, byte[] command) {
        CardApplet card = ins.card;
        Fault f = takeFault(command.length > 1 ? command[1] & 0xFF : -2);
        if (f instanceof Fault.RemoveCard) {
            synchronized (lock) {
                if (current == ins) {
                    current = null;
                }
            }
            ins.end();
            EventLog.event(EventId.SMARTCARD_VIRTUAL_CARD, Outcome.SUCCESS, "action", "remove-mid-exchange",
                    "card", card.kind(), "port", port);
            return null;
        }
        if (f instanceof Fault.Garbage g) {
            Random r = new Random(g.seed());
            byte[] junk = new byte[1 + r.nextInt(40)];
            r.nextBytes(junk);
            return junk;
        }
        if (f instanceof Fault.Delay d) {
            try {
                Thread.sleep(d.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] response;
        try {
            response = card.process(command);
        } catch (RuntimeException e) {
            response = new byte[] {0x6F, 0x00};
        }
        if (f instanceof Fault.Truncate t) {
            response = Arrays.copyOf(response, Math.min(t.keepBytes(), response.length));
        }
        return response;
    }

    private Fault takeFault(int ins) {
        synchronized (faults) {
            for (Iterator<FaultRule> it = faults.iterator(); it.hasNext(); ) {
                FaultRule r = it.next();
                if (r.ins == ANY_INS || r.ins == ins) {
                    if (r.remaining > 0 && --r.remaining == 0) {
                        it.remove();
                    }
                    return r.fault;
                }
            }
        }
        return null;
    }

    private static void send(OutputStream out, byte[] payload) throws IOException {
        byte[] frame = new byte[payload.length + 2];
        frame[0] = (byte) (payload.length >> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        out.write(frame);
        out.flush();
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public String toString() {
        CardApplet a = applet();
        return "VirtualCardConnection[" + host + ":" + port + (a != null ? ", card=" + a.kind() : ", empty") + "]";
    }
}
