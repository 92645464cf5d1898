package org.zizhu.device.camera;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zizhu.device.DeviceFault;
import org.zizhu.device.DeviceStatus;
import org.zizhu.device.StatusTracker;
import org.zizhu.device.camera.internal.LatestFrames;
import org.zizhu.device.camera.internal.MjpegSplitter;
import org.zizhu.process.ProcessTree;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;
import org.zizhu.threads.DaemonThreads;

/**
 * A supervised camera: runs the capture command of a {@link CameraConfig}, cuts its MJPEG
 * output into JPEGs, decodes them and hands the newest frames to consumers.
 *
 * <ul>
 *   <li>If the process ends or stops delivering frames for {@link CameraConfig#stallTimeout()},
 *       it is killed and started again after an exponential backoff; the backoff resets once a
 *       run delivers frames.</li>
 *   <li>Status goes to the common vocabulary: {@code ONLINE} while frames flow, {@code NO_DEVICE}
 *       when the device (or ffmpeg itself) is missing, {@code HARDWARE_ERROR} when the process
 *       dies or hangs, {@code OFFLINE} before the first frame and after {@link #close()}.</li>
 *   <li>Buffering is bounded ({@link CameraConfig#bufferedFrames()}): a slow consumer makes the
 *       source drop old frames (counted), never grow.</li>
 *   <li>Corrupt JPEGs and garbage bytes are skipped, counted and logged (rate-limited).</li>
 *   <li>{@link #close()} ends the whole process tree and waits for it.</li>
 * </ul>
 *
 * <p>Decoding uses an in-memory image stream: ImageIO's default file cache would put camera
 * pictures (faces) on disk.
 */
public final class CameraFrameSource implements Camera {
    public static final String DEVICE_ID = "camera";
    private static final Logger log = LoggerFactory.getLogger(CameraFrameSource.class);
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);
    private static final long CORRUPT_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int STDERR_TAIL_LINES = 8;
    /** A JPEG header can claim 65535x65535: check before decoding so garbage cannot exhaust memory. */
    private static final long MAX_PIXELS = 4096L * 4096L;

    private final StatusTracker status;
    private final LatestFrames<Frame> frames;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong corrupt = new AtomicLong();
    private final AtomicLong garbage = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private final AtomicLong decodeNanos = new AtomicLong();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Thread supervisor;
    private volatile CameraConfig config;
    private volatile boolean restartRequested;
    private volatile Process current;
    private volatile long lastFrameNanos;
    private long corruptLoggedAt;
    private long corruptSinceLog;

    private CameraFrameSource(CameraConfig config, StatusTracker status) {
        this.config = config;
        this.status = status;
        this.frames = new LatestFrames<>(config.bufferedFrames());
        this.supervisor = DaemonThreads.unstarted("camera-supervisor", this::supervise);
    }

    /** Starts capturing in the background; returns at once. Watch {@link #tracker()} or poll frames. */
    public static CameraFrameSource open(CameraConfig config) {
        return open(config, new StatusTracker(DEVICE_ID, DeviceStatus.OFFLINE));
    }

    /** As {@link #open(CameraConfig)}, reporting to the given tracker (so listeners can be added first). */
    public static CameraFrameSource open(CameraConfig config, StatusTracker status) {
        CameraFrameSource s = new CameraFrameSource(config, status);
        EventLog.event(EventId.CAMERA_STARTED, Outcome.SUCCESS, "source", config.describe(),
                "size", config.width() + "x" + config.height(), "fps", config.fps());
        s.supervisor.start();
        return s;
    }

    @Override
    public StatusTracker tracker() {
        return status;
    }

    @Override
    public CameraConfig config() {
        return config;
    }

    @Override
    public Optional<Frame> poll(Duration timeout) throws InterruptedException {
        return frames.poll(timeout);
    }

    @Override
    public Optional<Frame> latest() {
        return frames.latest();
    }

    @Override
    public CameraStats stats() {
        return new CameraStats(sequence.get(), frames.dropped(), corrupt.get(), garbage.get(), restarts.get(),
                decodeNanos.get());
    }

    /** Process id of the running capture process, if one is running. */
    public OptionalLong processId() {
        Process p = current;
        return p != null && p.isAlive() ? OptionalLong.of(p.pid()) : OptionalLong.empty();
    }

    /**
     * Switches to another source (for example the simulator showing a QR code, then the test
     * pattern again): the running process is ended and the new one started without backoff.
     * Not on {@link Camera}: only the simulator's controls ({@code SimulatedCamera}) and tools switch scenes.
     */
    public void reconfigure(CameraConfig next) {
        this.config = next;
        this.restartRequested = true;
    }

    /** Last lines ffmpeg wrote to stderr (device errors); for diagnostics. */
    public List<String> stderrTail() {
        synchronized (stderrTail) {
            return List.copyOf(stderrTail);
        }
    }

    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        try {
            supervisor.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessTree.destroy(current, KILL_GRACE); // in case the supervisor was stuck
        frames.clear();
        status.update(DeviceStatus.OFFLINE, DeviceFault.Common.STOPPED);
        CameraStats s = stats();
        EventLog.event(EventId.CAMERA_STOPPED, Outcome.SUCCESS, "frames", s.framesDecoded(),
                "dropped", s.framesDropped(), "corrupt", s.framesCorrupt(), "restarts", s.restarts());
    }

    private boolean isClosed() {
        return closed.getCount() == 0;
    }

    private void supervise() {
        Duration backoff = config.initialBackoff();
        boolean afterFailure = false;
        while (!isClosed()) {
            CameraConfig cfg = config;
            restartRequested = false;
            if (afterFailure) {
                restarts.incrementAndGet(); // a reconfigure is a switch, not a restart
            }
            afterFailure = true;
            long framesBefore = sequence.get();
            Process p;
            try {
                synchronized (stderrTail) {
                    stderrTail.clear();
                }
                ProcessBuilder pb = new ProcessBuilder(cfg.ffmpegCommand());
                pb.redirectInput(ProcessBuilder.Redirect.PIPE);
                p = pb.start();
                p.getOutputStream().close();
            } catch (IOException e) {
                status.update(DeviceStatus.NO_DEVICE, CameraFault.CAPTURE_COMMAND_NOT_FOUND);
                EventLog.event(EventId.CAMERA_PROCESS_EXITED, Outcome.FAILURE, "source", cfg.describe(),
                        "error", "cannot start " + cfg.ffmpegCommand().get(0) + ": " + e.getMessage(),
                        "hint", "install it: apt-get install -y ffmpeg", "retryMs", backoff.toMillis());
                if (sleep(backoff)) {
                    return;
                }
                backoff = next(backoff, cfg);
                continue;
            }
            current = p;
            long runStart = System.nanoTime();
            lastFrameNanos = runStart;
            Thread err = DaemonThreads.start("camera-stderr", () -> drainStderr(p.getErrorStream()));
            Thread reader = DaemonThreads.start("camera-reader", () -> readFrames(p.getInputStream(), cfg));

            boolean stalled = false;
            try {
                while (!isClosed() && !restartRequested && !p.waitFor(100, TimeUnit.MILLISECONDS)) {
                    long sinceFrame = System.nanoTime() - lastFrameNanos;
                    if (sinceFrame > cfg.stallTimeout().toNanos()) {
                        stalled = true;
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ProcessTree.destroy(p, KILL_GRACE);
            join(reader);
            join(err);
            current = null;
            if (isClosed()) {
                return;
            }
            if (restartRequested) {
                backoff = config.initialBackoff();
                afterFailure = false;
                continue;
            }
            long produced = sequence.get() - framesBefore;
            if (produced > 0) {
                backoff = cfg.initialBackoff();
            }
            String lastErr = lastStderrLine();
            if (stalled) {
                status.update(DeviceStatus.HARDWARE_ERROR, CameraFault.STALLED);
                EventLog.event(EventId.CAMERA_STALLED, Outcome.FAILURE, "source", cfg.describe(),
                        "stallMs", cfg.stallTimeout().toMillis(), "retryMs", backoff.toMillis());
            } else {
                boolean missing = produced == 0 && looksLikeMissingDevice(lastErr);
                status.update(missing ? DeviceStatus.NO_DEVICE : DeviceStatus.HARDWARE_ERROR,
                        missing ? CameraFault.NO_DEVICE : CameraFault.PROCESS_EXITED);
                EventLog.event(EventId.CAMERA_PROCESS_EXITED, Outcome.FAILURE, "source", cfg.describe(),
                        "exitCode", p.exitValue(), "framesThisRun", produced, "stderr", lastErr,
                        "retryMs", backoff.toMillis());
            }
            if (sleep(backoff)) {
                return;
            }
            backoff = next(backoff, cfg);
        }
    }

    private static Duration next(Duration backoff, CameraConfig cfg) {
        Duration d = backoff.multipliedBy(2);
        return d.compareTo(cfg.maxBackoff()) > 0 ? cfg.maxBackoff() : d;
    }

    /** Sleeps unless closed first; returns true if closed. */
    private boolean sleep(Duration d) {
        try {
            long end = System.nanoTime() + d.toNanos();
            // Wake early for a reconfigure: the new source should start at once.
            while (!restartRequested) {
                long left = end - System.nanoTime();
                if (left <= 0 || closed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS)) {
                    break;
                }
            }
            return isClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static boolean looksLikeMissingDevice(String stderrLine) {
        String s = stderrLine.toLowerCase(java.util.Locale.ROOT);
        return s.contains("no such file or directory") || s.contains("no such device")
                || s.contains("cannot open video device");
    }

    private void readFrames(InputStream in, CameraConfig cfg) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        boolean[] warned = new boolean[1];
        reader.addIIOReadWarningListener((IIOReadWarningListener) (src, warning) -> warned[0] = true);
        MjpegSplitter splitter = new MjpegSplitter(cfg.maxFrameBytes(), new MjpegSplitter.Sink() {
            @Override
            public void frame(byte[] jpeg) {
                decodeAndOffer(reader, warned, jpeg);
            }

            @Override
            public void corrupt(String reason, int bytes) {
                noteCorrupt(reason, bytes);
            }
        });
        byte[] buf = new byte[64 * 1024];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                long g = splitter.garbageBytes();
                splitter.feed(buf, 0, n);
                garbage.addAndGet(splitter.garbageBytes() - g);
            }
            splitter.finish();
        } catch (IOException e) {
            // The process was ended: its pipe closes under us. Nothing to report here.
        } catch (RuntimeException e) {
            EventLog.event(EventId.UNEXPECTED_ERROR, Outcome.FAILURE, "where", "camera-reader",
                    "error", e.getClass().getName());
            log.warn("camera reader failed", e);
        } finally {
            reader.dispose();
        }
    }

    private void decodeAndOffer(ImageReader reader, boolean[] warned, byte[] jpeg) {
        long t0 = System.nanoTime();
        BufferedImage image;
        warned[0] = false;
        try (ImageInputStream iis = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(iis, true, true);
            if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                throw new IIOException("frame dimensions too large");
            }
            image = reader.read(0);
            if (warned[0]) {
                // libjpeg "corrupt data" warnings: the picture is partly grey; not worth showing or scanning.
                throw new IIOException("decoder warning");
            }
        } catch (IOException | RuntimeException e) {
            noteCorrupt("undecodable", jpeg.length);
            return;
        } finally {
            reader.setInput(null);
        }
        long dt = System.nanoTime() - t0;
        decodeNanos.addAndGet(dt);
        lastFrameNanos = System.nanoTime();
        Frame f = new Frame(sequence.incrementAndGet(), Instant.now(), image, jpeg.length, dt);
        frames.offer(f);
        if (status.status() != DeviceStatus.ONLINE) {
            status.update(DeviceStatus.ONLINE, CameraFault.STREAMING);
        }
    }

    private void noteCorrupt(String reason, int bytes) {
        long total = corrupt.incrementAndGet();
        corruptSinceLog++;
        long now = System.nanoTime();
        // A broken camera can produce 15 bad frames a second for days: log the first, then a summary every 5 s.
        if (total == 1 || now - corruptLoggedAt > CORRUPT_LOG_INTERVAL_NANOS) {
            EventLog.event(EventId.CAMERA_FRAME_CORRUPT, Outcome.FAILURE, "reason", reason, "bytes", bytes,
                    "sinceLastLog", corruptSinceLog, "total", total);
            corruptLoggedAt = now;
            corruptSinceLog = 0;
        }
    }

    private void drainStderr(InputStream err) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String l = line.length() > 300 ? line.substring(0, 300) : line;
                synchronized (stderrTail) {
                    if (stderrTail.size() == STDERR_TAIL_LINES) {
                        stderrTail.removeFirst();
                    }
                    stderrTail.addLast(l);
                }
            }
        } catch (IOException e) {
            // process ended
        }
    }

    private String lastStderrLine() {
        synchronized (stderrTail) {
            Iterator<String> it = stderrTail.descendingIterator();
            while (it.hasNext()) {
                String s = it.next().strip();
                if (!s.isEmpty()) {
                    return s;
                }
            }
            return "";
        }
    }

    private static void join(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
