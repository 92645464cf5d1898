package org.zizhu.device.camera;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Immutable settings of one camera frame source: where frames come from and how the ffmpeg
 * subprocess is launched and supervised. Built with {@link #builder()}; {@link #ffmpegCommand()}
 * is the exact command line the source runs.
 *
 * <p>Source kinds: {@link SourceKind#V4L2} a real camera delivering MJPEG (copied, not
 * re-encoded); {@link SourceKind#LAVFI} ffmpeg's synthetic test pattern (the camera simulator);
 * {@link SourceKind#FILE} a still image looped for ever or a video file (the simulator showing a
 * QR code or a face); {@link SourceKind#COMMAND} any command writing an MJPEG stream to stdout
 * (tests feed corrupt bytes through {@code cat} this way).
 */
public final class CameraConfig {
    public enum SourceKind { V4L2, LAVFI, FILE, COMMAND }

    private static final Pattern LAVFI_NAME = Pattern.compile("[a-z0-9_]{1,32}");
    private static final List<String> STILL_IMAGE_SUFFIXES = List.of(".png", ".jpg", ".jpeg", ".bmp");

    private final SourceKind kind;
    private final String device;
    private final List<String> command;
    private final int width;
    private final int height;
    private final int fps;
    private final String ffmpegPath;
    private final int jpegQuality;
    private final int bufferedFrames;
    private final int maxFrameBytes;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration stallTimeout;

    private CameraConfig(Builder b) {
        this.kind = b.kind;
        this.device = b.device;
        this.command = List.copyOf(b.command);
        this.width = b.width;
        this.height = b.height;
        this.fps = b.fps;
        this.ffmpegPath = b.ffmpegPath;
        this.jpegQuality = b.jpegQuality;
        this.bufferedFrames = b.bufferedFrames;
        this.maxFrameBytes = b.maxFrameBytes;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.stallTimeout = b.stallTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.kind = kind;
        b.device = device;
        b.command = new ArrayList<>(command);
        b.width = width;
        b.height = height;
        b.fps = fps;
        b.ffmpegPath = ffmpegPath;
        b.jpegQuality = jpegQuality;
        b.bufferedFrames = bufferedFrames;
        b.maxFrameBytes = maxFrameBytes;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.stallTimeout = stallTimeout;
        return b;
    }

    /**
     * Parses a technician's source spec: {@code v4l2:/dev/video0}, {@code v4l2} (= /dev/video0),
     * {@code lavfi}, {@code lavfi:testsrc2}, {@code file:/path/qr.png}.
     *
     * @throws IllegalArgumentException with a message naming the accepted forms
     */
    public static Builder parseSource(String spec) {
        Objects.requireNonNull(spec, "spec");
        int colon = spec.indexOf(':');
        String kindWord = (colon < 0 ? spec : spec.substring(0, colon)).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : spec.substring(colon + 1);
        Builder b = builder();
        switch (kindWord) {
            case "v4l2" -> b.v4l2(rest.isEmpty() ? "/dev/video0" : rest);
            case "lavfi" -> b.lavfi(rest.isEmpty() ? "testsrc" : rest);
            case "file" -> {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("file source needs a path: file:/path/to/image.png");
                }
                b.file(Path.of(rest));
            }
            default -> throw new IllegalArgumentException(
                    "unknown camera source '" + spec + "'; use v4l2:/dev/videoN, lavfi[:testsrc] or file:PATH");
        }
        return b;
    }

    /** The full command line of the capture process. */
    public List<String> ffmpegCommand() {
        if (kind == SourceKind.COMMAND) {
            return command;
        }
        List<String> c = new ArrayList<>(List.of(ffmpegPath, "-hide_banner", "-nostdin", "-loglevel", "error"));
        String size = width + "x" + height;
        switch (kind) {
            // A real camera already encodes MJPEG: copy it, which costs ffmpeg almost no CPU.
            case V4L2 -> c.addAll(List.of("-f", "v4l2", "-input_format", "mjpeg", "-video_size", size,
                    "-framerate", Integer.toString(fps), "-i", device, "-c:v", "copy", "-f", "mjpeg", "-"));
            case LAVFI -> c.addAll(List.of("-re", "-f", "lavfi", "-i",
                    device + "=size=" + size + ":rate=" + fps,
                    "-f", "image2pipe", "-vcodec", "mjpeg", "-q:v", Integer.toString(jpegQuality), "-"));
            case FILE -> {
                if (isStillImage(device)) {
                    c.addAll(List.of("-loop", "1", "-framerate", Integer.toString(fps), "-re", "-i", device));
                } else {
                    c.addAll(List.of("-stream_loop", "-1", "-re", "-i", device, "-r", Integer.toString(fps)));
                }
                // The image2pipe muxer wants full-range YUV for MJPEG; scale keeps frames at the
                // configured size whatever the file's size is.
                c.addAll(List.of("-vf", "scale=" + width + ":" + height + ",format=yuvj420p",
                        "-f", "image2pipe", "-vcodec", "mjpeg", "-q:v", Integer.toString(jpegQuality), "-"));
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return List.copyOf(c);
    }

    private static boolean isStillImage(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return STILL_IMAGE_SUFFIXES.stream().anyMatch(p::endsWith);
    }

    /** Short description for logs and diag output, e.g. {@code v4l2:/dev/video0}. */
    public String describe() {
        return switch (kind) {
            case COMMAND -> "command:" + (command.isEmpty() ? "" : command.get(0));
            default -> kind.name().toLowerCase(Locale.ROOT) + ":" + device;
        };
    }

    public SourceKind kind() { return kind; }
    public String device() { return device; }
    public int width() { return width; }
    public int height() { return height; }
    public int fps() { return fps; }
    public String ffmpegPath() { return ffmpegPath; }
    public int jpegQuality() { return jpegQuality; }
    public int bufferedFrames() { return bufferedFrames; }
    public int maxFrameBytes() { return maxFrameBytes; }
    public Duration initialBackoff() { return initialBackoff; }
    public Duration maxBackoff() { return maxBackoff; }
    public Duration stallTimeout() { return stallTimeout; }

    @Override
    public String toString() {
        return "CameraConfig[" + describe() + " " + width + "x" + height + "@" + fps + "]";
    }

    public static final class Builder {
        private SourceKind kind;
        private String device;
        private List<String> command = new ArrayList<>();
        private int width = 640;
        private int height = 480;
        private int fps = 15;
        private String ffmpegPath = "ffmpeg";
        private int jpegQuality = 5;
        private int bufferedFrames = 2;
        private int maxFrameBytes = 2 * 1024 * 1024;
        private Duration initialBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private Duration stallTimeout = Duration.ofSeconds(5);

        private Builder() {
        }

        /** A V4L2 camera that delivers MJPEG, e.g. {@code /dev/video0}. */
        public Builder v4l2(String devicePath) {
            this.kind = SourceKind.V4L2;
            this.device = requireText(devicePath, "device");
            return this;
        }

        /** ffmpeg's lavfi source filter by name ({@code testsrc}, {@code testsrc2}, {@code smptebars}). */
        public Builder lavfi(String filterName) {
            if (filterName == null || !LAVFI_NAME.matcher(filterName).matches()) {
                throw new IllegalArgumentException("lavfi source must be a filter name such as testsrc, got: " + filterName);
            }
            this.kind = SourceKind.LAVFI;
            this.device = filterName;
            return this;
        }

        /** A still image (looped for ever) or a video file (looped). */
        public Builder file(Path path) {
            this.kind = SourceKind.FILE;
            this.device = Objects.requireNonNull(path, "path").toAbsolutePath().toString();
            return this;
        }

        /** Any command that writes an MJPEG stream to stdout; used by tests and for other capture tools. */
        public Builder command(List<String> argv) {
            if (argv == null || argv.isEmpty()) {
                throw new IllegalArgumentException("command must not be empty");
            }
            this.kind = SourceKind.COMMAND;
            this.device = argv.get(0);
            this.command = new ArrayList<>(argv);
            return this;
        }

        public Builder size(int width, int height) {
            if (width < 16 || height < 16 || width > 4096 || height > 4096) {
                throw new IllegalArgumentException("frame size out of range 16..4096: " + width + "x" + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder fps(int fps) {
            if (fps < 1 || fps > 60) {
                throw new IllegalArgumentException("fps out of range 1..60: " + fps);
            }
            this.fps = fps;
            return this;
        }

        public Builder ffmpegPath(String path) {
            this.ffmpegPath = requireText(path, "ffmpegPath");
            return this;
        }

        /** ffmpeg's MJPEG {@code -q:v} when it encodes (2 best .. 31 worst). */
        public Builder jpegQuality(int q) {
            if (q < 2 || q > 31) {
                throw new IllegalArgumentException("jpegQuality out of range 2..31: " + q);
            }
            this.jpegQuality = q;
            return this;
        }

        /** How many decoded frames wait for a consumer; older ones are dropped and counted. */
        public Builder bufferedFrames(int n) {
            if (n < 1 || n > 30) {
                throw new IllegalArgumentException("bufferedFrames out of range 1..30: " + n);
            }
            this.bufferedFrames = n;
            return this;
        }

        /** A JPEG larger than this is treated as corrupt (protects memory against a garbage stream). */
        public Builder maxFrameBytes(int n) {
            if (n < 1024) {
                throw new IllegalArgumentException("maxFrameBytes too small: " + n);
            }
            this.maxFrameBytes = n;
            return this;
        }

        public Builder backoff(Duration initial, Duration max) {
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff must be positive and max >= initial");
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** No frame for this long and the process is considered hung and killed. */
        public Builder stallTimeout(Duration d) {
            if (d.compareTo(Duration.ofMillis(200)) < 0) {
                throw new IllegalArgumentException("stallTimeout too short: " + d);
            }
            this.stallTimeout = d;
            return this;
        }

        public CameraConfig build() {
            if (kind == null) {
                throw new IllegalStateException("camera source not set: call v4l2(), lavfi(), file() or command()");
            }
            return new CameraConfig(this);
        }

        private static String requireText(String s, String what) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return s;
        }
    }
}
