package org.zizhu.kiosk.ops;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * sd_notify(3) without libsystemd and without spawning {@code systemd-notify}: one datagram to
 * the AF_UNIX socket systemd names in {@code NOTIFY_SOCKET} (a path, or an abstract name written
 * with a leading {@code @}). The JDK's channels speak AF_UNIX streams only, so the three libc
 * calls are bound through JNA, which the kiosk already carries. Nothing here blocks: a datagram
 * socket either takes the message or fails at once, and a failure is logged, never thrown (the
 * kiosk serves residents whether or not a service manager listens).
 */
public final class SystemdNotify {
    interface LibC extends Library {
        int socket(int domain, int type, int protocol);

        long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrlen);

        int close(int fd);
    }

    static final int AF_UNIX = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 0x80000;
    /** sizeof(struct sockaddr_un) on Linux: sa_family_t (2) + sun_path[108]. */
    static final int SOCKADDR_UN = 110;

    private static volatile LibC libc;

    private final byte[] address;
    private final int addressLength;
    private final String where;

    SystemdNotify(String socket) {
        if (socket == null || socket.isEmpty() || socket.length() > 107 || !(socket.startsWith("/") || socket.startsWith("@"))) {
            throw new IllegalArgumentException("NOTIFY_SOCKET must be an absolute path or an @abstract name of at most 107 bytes");
        }
        byte[] path = socket.getBytes(StandardCharsets.UTF_8);
        if (path.length > 107) {
            throw new IllegalArgumentException("NOTIFY_SOCKET is longer than sun_path");
        }
        address = new byte[SOCKADDR_UN];
        // sa_family_t in host order: little-endian on every platform the kiosk runs on (x86-64, arm64).
        address[0] = (byte) AF_UNIX;
        address[1] = 0;
        System.arraycopy(path, 0, address, 2, path.length);
        boolean abstractName = socket.startsWith("@");
        if (abstractName) {
            address[2] = 0; // the abstract namespace: a leading NUL, and the length says where it ends
        }
        addressLength = 2 + path.length + (abstractName ? 0 : 1);
        where = socket;
    }

    /** The notifier systemd asked for ({@code NOTIFY_SOCKET} set, as under {@code Type=notify}), if any. */
    public static Optional<SystemdNotify> fromEnvironment(Map<String, String> env) {
        String s = env.get("NOTIFY_SOCKET");
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SystemdNotify(s));
        } catch (IllegalArgumentException e) {
            EventLog.event(EventId.SERVICE_MANAGER, Outcome.FAILURE, "reason", "bad-notify-socket");
            return Optional.empty();
        }
    }

    /** Startup finished: the first frame is on the screen. */
    public boolean ready() {
        boolean ok = send("READY=1\nSTATUS=serving residents");
        EventLog.event(EventId.SERVICE_MANAGER, ok ? Outcome.SUCCESS : Outcome.FAILURE, "state", "ready");
        return ok;
    }

    /** The health probes passed: keep the watchdog from restarting the kiosk. */
    public boolean watchdog() {
        return send("WATCHDOG=1");
    }

    /** An orderly stop began. */
    public boolean stopping() {
        boolean ok = send("STOPPING=1");
        EventLog.event(EventId.SERVICE_MANAGER, ok ? Outcome.SUCCESS : Outcome.FAILURE, "state", "stopping");
        return ok;
    }

    /** Sends one notification ({@code KEY=VALUE} lines); false when it could not be delivered. */
    public boolean send(String state) {
        byte[] msg = state.getBytes(StandardCharsets.UTF_8);
        LibC c;
        try {
            c = libc();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
        int fd = c.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            return false;
        }
        try {
            return c.sendto(fd, msg, msg.length, 0, address, addressLength) == msg.length;
        } finally {
            c.close(fd);
        }
    }

    private static LibC libc() {
        LibC c = libc;
        if (c == null) {
            c = Native.load("c", LibC.class);
            libc = c;
        }
        return c;
    }

    byte[] addressForTest() {
        return address.clone();
    }

    int addressLengthForTest() {
        return addressLength;
    }

    @Override
    public String toString() {
        return "SystemdNotify[" + where + "]";
    }
}
