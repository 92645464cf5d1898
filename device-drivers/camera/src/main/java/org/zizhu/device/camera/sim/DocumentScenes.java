package org.zizhu.device.camera.sim;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.Random;

/**
 * Draws what a document camera (高拍仪) sees: a desk with a pen, a mug and a phone, and on it an A4
 * page or a card with printed-looking content. The desk is drawn flat in millimetres and then
 * projected through a pinhole camera (focal length in pixels, principal point at the centre,
 * square pixels) held 400 mm above the desk and tilted, so the material appears as a real
 * perspective quadrilateral. The projected corners are returned as the ground truth for tests.
 * Deterministic: fixed seeds, no time or machine state (Java2D's SansSerif font is the only
 * machine-dependent part, and only for the look of the text lines).
 *
 * <p>The page carries a black registration square near its top-left corner so a test can tell an
 * upright correction from a rotated or mirrored one.
 */
public final class DocumentScenes {
    public static final int WIDTH = 1600;
    public static final int HEIGHT = 1200;
    /** A4 portrait, mm. */
    public static final double A4_W = 210;
    public static final double A4_H = 297;
    /** ID-1 card (ISO/IEC 7810), mm. */
    public static final double CARD_W = 85.6;
    public static final double CARD_H = 53.98;
    /** Registration square on the page: top-left corner and side, mm from the page's top-left. */
    public static final double MARK_X = 12;
    public static final double MARK_Y = 12;
    public static final double MARK_SIDE = 14;

    private static final double CAMERA_HEIGHT_MM = 400;
    private static final double TILT = Math.toRadians(14);

    private DocumentScenes() {
    }

    /**
     * A rendered scene.
     *
     * @param image   the camera's view
     * @param corners the material's corners in the image, clockwise from its top-left (TL, TR, BR, BL);
     *                empty when the desk is empty
     * @param aspect  the material's true height / width (A4 portrait 1.414, a card 0.631); 0 when empty
     */
    public record Rendered(BufferedImage image, List<Point2D.Double> corners, double aspect) {
        public Rendered {
            corners = List.copyOf(corners);
        }
    }

    public static Rendered render(DocumentScene scene) {
        return render(scene, WIDTH, HEIGHT);
    }

    public static Rendered render(DocumentScene scene, int width, int height) {
        double scale = width / 1600.0;
        return switch (scene) {
            case A4_ON_DESK -> a4(width, height, 1300 * scale, 0, 1.0);
            case A4_BLURRED -> {
                Rendered r = a4(width, height, 1300 * scale, 0, 1.0);
                yield new Rendered(SyntheticScenes.blurred(r.image(), Math.max(2, (int) Math.round(6 * scale))), r.corners(), r.aspect());
            }
            case A4_CUT_OFF -> a4(width, height, 1300 * scale, 190, 1.0);
            case A4_DARK -> a4(width, height, 1300 * scale, 0, 0.2);
            case EMPTY_DESK -> {
                Camera cam = new Camera(1300 * scale, width, height);
                BufferedImage img = cam.photograph(DocumentScenes::clutter);
                yield new Rendered(img, List.of(), 0);
            }
            case CARD -> card(width, height, 3400 * scale);
        };
    }

    private static Rendered a4(int width, int height, double focal, double shiftX, double brightness) {
        Camera cam = new Camera(focal, width, height);
        double cx = 5 + shiftX;
        double cy = 8;
        double angle = Math.toRadians(8);
        Placement page = new Placement(cx, cy, angle, A4_W, A4_H);
        BufferedImage img = cam.photograph(g -> {
            clutter(g);
            page.draw(g, DocumentScenes::a4Content);
        });
        if (brightness != 1.0) {
            scale(img, brightness);
        }
        return new Rendered(img, cam.project(page.corners()), A4_H / A4_W);
    }

    private static Rendered card(int width, int height, double focal) {
        Camera cam = new Camera(focal, width, height);
        Placement card = new Placement(-4, -3, Math.toRadians(-6), CARD_W, CARD_H);
        BufferedImage img = cam.photograph(g -> {
            g.setColor(new Color(20, 20, 60)); // a pen below the card
            Graphics2D p = (Graphics2D) g.create();
            p.translate(-20, 60);
            p.fill(new RoundRectangle2D.Double(-70, -4.5, 140, 9, 4, 4));
            p.dispose();
            card.draw(g, DocumentScenes::cardContent);
        });
        return new Rendered(img, cam.project(card.corners()), CARD_H / CARD_W);
    }

    /** Things lying around the material, in desk millimetres (origin below the camera). */
    private static void clutter(Graphics2D g) {
        // A pen on the left.
        Graphics2D p = (Graphics2D) g.create();
        p.translate(-195, 40);
        p.rotate(Math.toRadians(80));
        p.setColor(new Color(25, 30, 90));
        p.fill(new RoundRectangle2D.Double(-70, -4.5, 140, 9, 4, 4));
        p.setColor(new Color(200, 200, 205));
        p.fill(new Rectangle2D.Double(55, -4.5, 15, 9));
        p.dispose();
        // A white mug seen from above, coffee inside, top left.
        g.setColor(new Color(232, 230, 224));
        g.fill(new Ellipse2D.Double(-235, -185, 90, 90));
        g.setColor(new Color(70, 42, 25));
        g.fill(new Ellipse2D.Double(-229, -179, 78, 78));
        // A phone on the right.
        Graphics2D ph = (Graphics2D) g.create();
        ph.translate(205, 30);
        ph.rotate(Math.toRadians(5));
        ph.setColor(new Color(22, 22, 26));
        ph.fill(new RoundRectangle2D.Double(-35, -72, 70, 144, 10, 10));
        ph.setColor(new Color(38, 44, 56));
        ph.fill(new RoundRectangle2D.Double(-31, -64, 62, 128, 4, 4));
        ph.dispose();
        // A paper clip, bottom left.
        g.setColor(new Color(170, 170, 178));
        g.setStroke(new BasicStroke(1.2f));
        g.draw(new RoundRectangle2D.Double(-200, 150, 32, 9, 8, 8));
        g.draw(new RoundRectangle2D.Double(-196, 152, 24, 5, 5, 5));
    }

    private static void a4Content(Graphics2D g) {
        g.setColor(new Color(244, 243, 238));
        g.fill(new Rectangle2D.Double(0, 0, A4_W, A4_H));
        g.setColor(new Color(15, 15, 15));
        g.fill(new Rectangle2D.Double(MARK_X, MARK_Y, MARK_SIDE, MARK_SIDE));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 1).deriveFont(8f));
        g.drawString("APPLICATION FORM", 45, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(4.2f));
        Random rnd = new Random(20260101);
        String[] words = {"resident", "address", "Baotou", "district", "street", "number", "licence", "date",
            "the", "of", "and", "applicant", "business", "scope", "registered", "capital", "phone", "issued"};
        for (double y = 46; y < 190; y += 7) {
            StringBuilder line = new StringBuilder();
            while (line.length() < 70) {
                line.append(words[rnd.nextInt(words.length)]).append(' ');
            }
            g.drawString(line.toString().trim(), 18, (float) y);
        }
        g.setStroke(new BasicStroke(0.5f));
        for (int r = 0; r <= 5; r++) {
            g.draw(new Rectangle2D.Double(18, 200 + r * 9, 174, 0.01));
        }
        for (double x : new double[] {18, 70, 130, 192}) {
            g.draw(new Rectangle2D.Double(x, 200, 0.01, 45));
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(4f));
        for (int r = 0; r < 5; r++) {
            g.drawString("item " + (r + 1), 21, 206.5f + r * 9);
            g.drawString(Integer.toString(1000 + rnd.nextInt(9000)), 73, 206.5f + r * 9);
        }
        g.setColor(new Color(200, 35, 35)); // the office's seal
        g.setStroke(new BasicStroke(1.2f));
        g.draw(new Ellipse2D.Double(140, 250, 38, 38));
        Path2D star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double rr = i % 2 == 0 ? 7 : 2.8;
            double x = 159 + rr * Math.cos(a);
            double y = 269 + rr * Math.sin(a);
            if (i == 0) {
                star.moveTo(x, y);
            } else {
                star.lineTo(x, y);
            }
        }
        star.closePath();
        g.fill(star);
        g.setColor(new Color(20, 20, 80)); // a signature
        Path2D sig = new Path2D.Double();
        sig.moveTo(30, 275);
        for (int i = 1; i <= 12; i++) {
            sig.lineTo(30 + i * 5, 275 + (i % 2 == 0 ? -5 : 4) + rnd.nextDouble() * 2);
        }
        g.draw(sig);
    }

    private static void cardContent(Graphics2D g) {
        g.setColor(new Color(205, 226, 246));
        g.fill(new RoundRectangle2D.Double(0, 0, CARD_W, CARD_H, 6.4, 6.4));
        g.setColor(new Color(180, 180, 185)); // photo
        g.fill(new Rectangle2D.Double(58, 10, 22, 28));
        g.setColor(new Color(20, 30, 60));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 1).deriveFont(4f));
        g.drawString("RESIDENCE PERMIT", 5, 8);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(2.6f));
        String[] lines = {"Name  ZHANG SAN", "Born  1990-01-01", "Address  Kundulun District", "Baotou, Inner Mongolia",
            "Valid  2025-2035", "No. 150203199001010000"};
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 5, 16 + i * 5.5f);
        }
    }

    /** A rectangle of material on the desk: centre and turn in desk mm, size in mm. */
    private record Placement(double cx, double cy, double angle, double w, double h) {
        void draw(Graphics2D g, java.util.function.Consumer<Graphics2D> content) {
            Graphics2D p = (Graphics2D) g.create();
            p.translate(cx, cy);
            p.rotate(angle);
            p.translate(-w / 2, -h / 2);
            content.accept(p);
            p.dispose();
        }

        List<Point2D.Double> corners() {
            AffineTransform t = new AffineTransform();
            t.translate(cx, cy);
            t.rotate(angle);
            t.translate(-w / 2, -h / 2);
            double[] pts = {0, 0, w, 0, w, h, 0, h};
            t.transform(pts, 0, pts, 0, 4);
            return List.of(new Point2D.Double(pts[0], pts[1]), new Point2D.Double(pts[2], pts[3]),
                    new Point2D.Double(pts[4], pts[5]), new Point2D.Double(pts[6], pts[7]));
        }
    }

    /** A pinhole camera above the desk, tilted about its x axis; desk coordinates in mm. */
    private static final class Camera {
        private final double f;
        private final int width;
        private final int height;
        private final double cos = Math.cos(TILT);
        private final double sin = Math.sin(TILT);

        Camera(double f, int width, int height) {
            this.f = f;
            this.width = width;
            this.height = height;
        }

        /** Desk point (mm) to image pixel. */
        Point2D.Double project(double x, double y) {
            // Desk origin is where the optical axis meets the desk.
            double z0 = CAMERA_HEIGHT_MM;
            double yy = y + z0 * sin / cos;
            double yc = yy * cos - z0 * sin;
            double zc = yy * sin + z0 * cos;
            return new Point2D.Double(width / 2.0 + f * x / zc, height / 2.0 + f * yc / zc);
        }

        List<Point2D.Double> project(List<Point2D.Double> desk) {
            return desk.stream().map(p -> project(p.x, p.y)).toList();
        }

        /** Image pixel to desk point (mm): the ray through the pixel meets the desk plane. */
        void unproject(double u, double v, double[] out) {
            double qx = (u - width / 2.0) / f;
            double qy = (v - height / 2.0) / f;
            // Inverse rotation of (qx, qy, 1) about x.
            double ry = qy * cos + sin;
            double rz = -qy * sin + cos;
            double t = CAMERA_HEIGHT_MM / rz;
            out[0] = qx * t;
            out[1] = ry * t - CAMERA_HEIGHT_MM * sin / cos;
        }

        BufferedImage photograph(java.util.function.Consumer<Graphics2D> desk) {
            // Desk extent seen by the camera, drawn flat at a resolution a bit above the camera's.
            double[] p = new double[2];
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (double[] c : new double[][] {{0, 0}, {width, 0}, {0, height}, {width, height}}) {
                unproject(c[0], c[1], p);
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
            double ppm = 1.3 * f / (CAMERA_HEIGHT_MM * cos);
            int dw = (int) Math.ceil((maxX - minX) * ppm) + 4;
            int dh = (int) Math.ceil((maxY - minY) * ppm) + 4;
            BufferedImage flat = new BufferedImage(dw, dh, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = flat.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
                wood(g, dw, dh);
                g.scale(ppm, ppm);
                g.translate(-minX, -minY);
                desk.accept(g);
            } finally {
                g.dispose();
            }
            int[] src = ((DataBufferInt) flat.getRaster().getDataBuffer()).getData();
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            int[] dst = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
            Random noise = new Random(77);
            for (int v = 0; v < height; v++) {
                for (int u = 0; u < width; u++) {
                    unproject(u + 0.5, v + 0.5, p);
                    double sx = (p[0] - minX) * ppm - 0.5;
                    double sy = (p[1] - minY) * ppm - 0.5;
                    int rgb = bilinear(src, dw, dh, sx, sy);
                    // A little sensor noise and lens fall-off towards the corners, as a real camera gives.
                    double du = (u - width / 2.0) / width;
                    double dv = (v - height / 2.0) / height;
                    double k = 1.0 - 0.25 * (du * du + dv * dv);
                    int n = noise.nextInt(7) - 3;
                    dst[v * width + u] = (clamp((int) (((rgb >> 16) & 0xFF) * k) + n) << 16)
                            | (clamp((int) (((rgb >> 8) & 0xFF) * k) + n) << 8) | clamp((int) ((rgb & 0xFF) * k) + n);
                }
            }
            return img;
        }
    }

    private static void wood(Graphics2D g, int w, int h) {
        g.setColor(new Color(118, 82, 52));
        g.fillRect(0, 0, w, h);
        Random rnd = new Random(4242);
        g.setStroke(new BasicStroke(Math.max(1f, h / 600f)));
        for (int i = 0; i < 220; i++) {
            int shade = rnd.nextInt(30) - 15;
            g.setColor(new Color(clamp(118 + shade), clamp(82 + shade), clamp(52 + shade / 2)));
            double y0 = rnd.nextDouble() * h;
            double amp = 3 + rnd.nextDouble() * h / 80.0;
            double period = w / (1 + rnd.nextDouble() * 3);
            Path2D line = new Path2D.Double();
            line.moveTo(0, y0);
            for (int x = 0; x <= w; x += Math.max(4, w / 200)) {
                line.lineTo(x, y0 + amp * Math.sin(x * 2 * Math.PI / period));
            }
            g.draw(line);
        }
    }

    private static int bilinear(int[] src, int w, int h, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        int a = px(src, w, h, x0, y0);
        int b = px(src, w, h, x0 + 1, y0);
        int c = px(src, w, h, x0, y0 + 1);
        int d = px(src, w, h, x0 + 1, y0 + 1);
        int r = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = ((a >> shift) & 0xFF) * (1 - fx) + ((b >> shift) & 0xFF) * fx;
            double bot = ((c >> shift) & 0xFF) * (1 - fx) + ((d >> shift) & 0xFF) * fx;
            r |= clamp((int) Math.round(top * (1 - fy) + bot * fy)) << shift;
        }
        return r;
    }

    private static int px(int[] src, int w, int h, int x, int y) {
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        return src[y * w + x];
    }

    private static void scale(BufferedImage img, double k) {
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            px[i] = (clamp((int) (((p >> 16) & 0xFF) * k)) << 16) | (clamp((int) (((p >> 8) & 0xFF) * k)) << 8)
                    | clamp((int) ((p & 0xFF) * k));
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
