package org.zizhu.kiosk.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A handwritten signature on the touchscreen: the strokes the resident draws (a finger's drag
 * reaches JavaFX as mouse drags), kept while the page is drawn again, and drawn once more as a
 * small black-on-white 1-bit PNG of {@link #WIDTH} x {@link #HEIGHT} for the commitment. The
 * strokes are the resident's signature: {@link #clear()} drops them.
 */
final class SignaturePad {
    static final int WIDTH = 600;
    static final int HEIGHT = 200;
    /** Ink shorter than this (pixels of stroke) is a touch by mistake, not a signature. */
    static final double MIN_INK = 40;

    private final List<List<double[]>> strokes = new ArrayList<>();

    /** A canvas showing the strokes so far and taking new ones; {@code onStroke} runs when one begins. */
    Canvas canvas(String id, Runnable onStroke) {
        Canvas pad = new Canvas(WIDTH, HEIGHT);
        pad.setId(id);
        GraphicsContext g = pad.getGraphicsContext2D();
        g.setFill(javafx.scene.paint.Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setStroke(javafx.scene.paint.Color.LIGHTGREY);
        g.setLineWidth(1);
        g.strokeLine(20, HEIGHT - 40, WIDTH - 20, HEIGHT - 40); // the line to sign on
        g.setStroke(javafx.scene.paint.Color.BLACK);
        g.setLineWidth(4);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (List<double[]> s : strokes) {
            for (int k = 1; k < s.size(); k++) {
                g.strokeLine(s.get(k - 1)[0], s.get(k - 1)[1], s.get(k)[0], s.get(k)[1]);
            }
        }
        pad.setOnMousePressed(e -> {
            onStroke.run();
            List<double[]> stroke = new ArrayList<>();
            stroke.add(new double[]{clamp(e.getX(), WIDTH), clamp(e.getY(), HEIGHT)});
            strokes.add(stroke);
            e.consume();
        });
        pad.setOnMouseDragged(e -> {
            if (strokes.isEmpty()) {
                return;
            }
            List<double[]> stroke = strokes.get(strokes.size() - 1);
            double[] from = stroke.get(stroke.size() - 1);
            double[] to = {clamp(e.getX(), WIDTH), clamp(e.getY(), HEIGHT)};
            stroke.add(to);
            g.strokeLine(from[0], from[1], to[0], to[1]);
            e.consume();
        });
        return pad;
    }

    private static double clamp(double v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }

    void clear() {
        strokes.clear();
    }

    /** Enough ink to be a signature. */
    boolean signed() {
        return ink() >= MIN_INK;
    }

    /** The length of ink drawn, in pixels. */
    double ink() {
        double len = 0;
        for (List<double[]> s : strokes) {
            for (int k = 1; k < s.size(); k++) {
                len += Math.hypot(s.get(k)[0] - s.get(k - 1)[0], s.get(k)[1] - s.get(k - 1)[1]);
            }
        }
        return len;
    }

    /** The signature as a PNG. */
    byte[] png() {
        return png(strokes, WIDTH, HEIGHT);
    }

    /**
     * Strokes (lists of x, y points) drawn as a 1-bit PNG, black on white: a signature stays a few
     * KiB whatever the screen, and is encoded in memory only (it is personal data; ImageIO's
     * default stream cache would be a temp file).
     */
    static byte[] png(List<List<double[]>> strokes, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (List<double[]> s : strokes) {
                for (int k = 1; k < s.size(); k++) {
                    g.drawLine((int) Math.round(s.get(k - 1)[0]), (int) Math.round(s.get(k - 1)[1]),
                            (int) Math.round(s.get(k)[0]), (int) Math.round(s.get(k)[1]));
                }
            }
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(img);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
