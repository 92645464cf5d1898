package org.zizhu.kiosk.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sd_notify over a real AF_UNIX datagram socket bound here, as systemd binds its own (path and
 * abstract names), and the watchdog fed only while every probe passes.
 */
class SystemdNotifyTest {
    interface Sock extends Library {
        Sock C = Native.load("c", Sock.class);

        int socket(int domain, int type, int protocol);

        int bind(int fd, byte[] addr, int len);

        long recv(int fd, byte[] buf, long len, int flags);

        int close(int fd);
    }

    private static final int MSG_DONTWAIT = 0x40;

    /** A datagram socket bound like systemd's notify socket; reads what arrived, without blocking. */
    static final class Listener implements AutoCloseable {
        final int fd;

        Listener(String name) {
            SystemdNotify addr = new SystemdNotify(name); // the same sockaddr_un encoding, under test too
            fd = Sock.C.socket(SystemdNotify.AF_UNIX, SystemdNotify.SOCK_DGRAM, 0);
            assertTrue(fd >= 0);
            assertEquals(0, Sock.C.bind(fd, addr.addressForTest(), addr.addressLengthForTest()), "bind " + name);
        }

        List<String> drain() {
            List<String> got = new ArrayList<>();
            byte[] buf = new byte[4096];
            long n;
            while ((n = Sock.C.recv(fd, buf, buf.length, MSG_DONTWAIT)) > 0) {
                got.add(new String(buf, 0, (int) n, StandardCharsets.UTF_8));
            }
            return got;
        }

        @Override
        public void close() {
            Sock.C.close(fd);
        }
    }

    @Test
    void readyWatchdogAndStoppingReachAPathSocket(@TempDir Path dir) {
        String path = dir.resolve("notify").toString();
        try (Listener l = new Listener(path)) {
            SystemdNotify n = SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", path)).orElseThrow();
            assertTrue(n.ready());
            assertTrue(n.watchdog());
            assertTrue(n.stopping());
            assertEquals(List.of("READY=1\nSTATUS=serving residents", "WATCHDOG=1", "STOPPING=1"), l.drain());
        }
    }

    @Test
    void anAbstractNameWorksToo() {
        String name = "@zizhu-notify-test-" + ProcessHandle.current().pid();
        try (Listener l = new Listener(name)) {
            assertTrue(SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", name)).orElseThrow().watchdog());
            assertEquals(List.of("WATCHDOG=1"), l.drain());
        }
    }

    @Test
    void noSocketOrABadOneIsNoNotifierAndNobodyListeningIsAFalseNotACrash(@TempDir Path dir) {
        assertEquals(Optional.empty(), SystemdNotify.fromEnvironment(Map.of()));
        assertEquals(Optional.empty(), SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "relative/path")));
        assertEquals(Optional.empty(), SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "/" + "x".repeat(200))));
        assertFalse(new SystemdNotify(dir.resolve("nobody").toString()).watchdog());
    }

    @Test
    void watchdogIntervalIsSystemdsAndOnlyForThisProcess() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), Watchdog.interval(Map.of("WATCHDOG_USEC", "30000000"), 42));
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                Watchdog.interval(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "42"), 42));
        assertEquals(Optional.empty(), Watchdog.interval(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "7"), 42));
        assertEquals(Optional.empty(), Watchdog.interval(Map.of("WATCHDOG_USEC", "soon"), 42));
        assertEquals(Optional.empty(), Watchdog.interval(Map.of(), 42));
    }

    @Test
    void watchdogIsFedOnlyWhileEveryProbePasses(@TempDir Path dir) {
        String path = dir.resolve("notify").toString();
        AtomicBoolean uiAnswers = new AtomicBoolean(true);
        Watchdog.Probe ui = probe("ui-thread", uiAnswers::get);
        Watchdog.Probe throwing = probe("outbox-drainer", () -> {
            throw new IllegalStateException("a probe that throws is a failing probe");
        });
        try (Listener l = new Listener(path)) {
            SystemdNotify n = new SystemdNotify(path);
            Watchdog healthy = new Watchdog(n, Duration.ofSeconds(30), List.of(ui));
            assertTrue(healthy.tick());
            uiAnswers.set(false);
            assertFalse(healthy.tick(), "a frozen window is not fed");
            assertFalse(healthy.tick());
            uiAnswers.set(true);
            assertTrue(healthy.tick(), "fed again when it recovers");
            assertFalse(new Watchdog(n, Duration.ofSeconds(30), List.of(ui, throwing)).tick());
            assertEquals(List.of("WATCHDOG=1", "WATCHDOG=1"), l.drain());
        }
    }

    private static Watchdog.Probe probe(String name, java.util.function.BooleanSupplier check) {
        return new Watchdog.Probe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean healthy() {
                return check.getAsBoolean();
            }
        };
    }
}
