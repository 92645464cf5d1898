package org.zizhu.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Names and the daemon flag as promised, and a thread killed by an exception is logged as an event. */
class DaemonThreadsTest {
    /** Stands for personal data a message could carry; it must never reach the log. */
    private static final String SECRET = "110101199003077777";

    private final Logger events = (Logger) LoggerFactory.getLogger("zizhu.events");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        captured.start();
        events.addAppender(captured);
    }

    @AfterEach
    void release() {
        events.detachAppender(captured);
    }

    @Test
    void aNamedFactoryGivesEveryThreadTheNameAndMakesDaemons() {
        ThreadFactory f = DaemonThreads.named("printer-status receipt");
        Thread a = f.newThread(() -> { });
        Thread b = f.newThread(() -> { });
        assertFalse(Thread.currentThread().isDaemon(), "the test must make threads from a non-daemon thread");
        for (Thread t : List.of(a, b)) {
            assertEquals("printer-status receipt", t.getName());
            assertTrue(t.isDaemon());
            assertEquals(Thread.State.NEW, t.getState());
            assertSame(UncaughtExceptionLogger.INSTANCE, t.getUncaughtExceptionHandler());
        }
    }

    @Test
    void aNumberedFactoryCountsFromOne() {
        ThreadFactory f = DaemonThreads.numbered("smartcard-session");
        assertEquals("smartcard-session-1", f.newThread(() -> { }).getName());
        Thread second = f.newThread(() -> { });
        assertEquals("smartcard-session-2", second.getName());
        assertTrue(second.isDaemon());
        assertEquals("smartcard-session-1", DaemonThreads.numbered("smartcard-session").newThread(() -> { }).getName(),
                "each factory has its own counter");
    }

    @Test
    void startRunsTheTaskOnANamedDaemon() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        List<Thread> runner = new CopyOnWriteArrayList<>();
        Thread t = DaemonThreads.start("outbox-drainer", () -> {
            runner.add(Thread.currentThread());
            ran.countDown();
        });
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertSame(t, runner.get(0));
        assertEquals("outbox-drainer", t.getName());
        assertTrue(t.isDaemon());
    }

    @Test
    void unstartedWaitsForStart() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        Thread t = DaemonThreads.unstarted("idcard-reader", ran::countDown);
        assertEquals(Thread.State.NEW, t.getState());
        assertEquals("idcard-reader", t.getName());
        assertTrue(t.isDaemon());
        t.start();
        assertTrue(ran.await(5, TimeUnit.SECONDS));
    }

    @Test
    void aThreadKilledByAnExceptionIsLoggedWithoutTheMessage() throws Exception {
        Thread t = DaemonThreads.start("camera-reader", () -> {
            throw new IllegalStateException("bad frame for " + SECRET);
        });
        t.join(5000);
        assertFalse(t.isAlive());

        Map<String, Object> e = onlyEvent();
        assertEquals("unexpected-error", e.get("event"));
        assertEquals("failure", e.get("outcome"));
        assertEquals("camera-reader", e.get("thread"));
        assertEquals("java.lang.IllegalStateException", e.get("error"));
        assertTrue(String.valueOf(e.get("at")).startsWith(DaemonThreadsTest.class.getName() + "."), String.valueOf(e.get("at")));
        assertNoSecretLogged();
    }

    @Test
    void anExecutorWorkerKilledByAnExceptionIsLogged() throws Exception {
        List<Thread> made = new CopyOnWriteArrayList<>();
        ThreadFactory named = DaemonThreads.named("kiosk-background");
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = named.newThread(r);
            made.add(t);
            return t;
        });
        try {
            // execute, not submit: a submitted task's exception stays in its Future.
            ex.execute(() -> {
                throw new IllegalArgumentException(SECRET);
            });
            waitFor(() -> !made.isEmpty());
            made.get(0).join(5000);
            assertFalse(made.get(0).isAlive());
        } finally {
            ex.shutdownNow();
        }
        Map<String, Object> e = onlyEvent();
        assertEquals("kiosk-background", e.get("thread"));
        assertEquals("java.lang.IllegalArgumentException", e.get("error"));
        assertNoSecretLogged();
    }

    @Test
    void anExceptionWithoutAStackTraceStillNamesItsThread() throws Exception {
        Thread t = DaemonThreads.start("demo-console", () -> {
            throw new NoTrace();
        });
        t.join(5000);
        Map<String, Object> e = onlyEvent();
        assertEquals("demo-console", e.get("thread"));
        assertEquals(NoTrace.class.getName(), e.get("error"));
        assertEquals("unknown", e.get("at"));
    }

    private static final class NoTrace extends RuntimeException {
        NoTrace() {
            super(SECRET, null, false, false);
        }
    }

    private Map<String, Object> onlyEvent() {
        assertEquals(1, captured.list.size(), () -> String.valueOf(captured.list));
        ILoggingEvent e = captured.list.get(0);
        return e.getKeyValuePairs().stream().collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
    }

    private void assertNoSecretLogged() {
        for (ILoggingEvent e : captured.list) {
            String text = e.getFormattedMessage() + " " + e.getKeyValuePairs() + " " + e.getThrowableProxy();
            assertFalse(text.contains(SECRET), text);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
