package org.zizhu.print;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.zizhu.print.internal.Node;
import org.zizhu.print.internal.ParsedTemplate;
import org.zizhu.print.internal.TemplateParser;
import org.zizhu.print.internal.Text;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * Loads the YAML layout templates and fills them with data. Templates come from an optional
 * override directory first (so a city can edit them without a rebuild), then from the built-in
 * resources under {@code templates/}. Each file is parsed once and cached. Thread-safe.
 *
 * <pre>{@code
 * PrintTemplates templates = PrintTemplates.builtIn();
 * PrintDocument doc = templates.fill(new AcceptanceReceiptData(...));
 * byte[] pdf = a4Renderer.render(doc);                          // A4 PDF
 * Receipt receipt = ReceiptLayout.layout(doc, ReceiptPaper.MM80);  // for ESC/POS
 * }</pre>
 */
public final class PrintTemplates {
    /** The templates shipped with the kiosk. */
    public static final List<String> BUILT_IN = List.of("acceptance-receipt", "queue-ticket", "item-guide",
            "license-copy", "commitment-letter", "notification-commitment", "test-page", "commissioning-report");

    private static final int MAX_TEXT = 20_000;
    /** Largest image file a template takes (a seal or signature is a few KiB; a page scan fits too). */
    static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;
    /** Largest image side in pixels, checked from the header before decoding. */
    static final int MAX_IMAGE_SIDE = 4000;

    /**
     * Draws a title's traditional Mongolian as a picture (black on white), for bilingual
     * print-outs. A picture because neither PDFBox nor the printers' fonts shape Mongolian; the
     * kiosk draws it with HarfBuzz (the shaping module) and this module stays free of it.
     */
    @FunctionalInterface
    public interface MongolianTitles {
        java.awt.image.BufferedImage draw(String mongolian);
    }

    /** Height of a drawn Mongolian title on paper: the Chinese title's size, as the bilingual rules ask. */
    static final int MONGOLIAN_TITLE_HEIGHT_MM = 9;

    private final Path overrideDir;
    private final MongolianTitles mongolianTitles;
    private final Map<String, ParsedTemplate> cache = new ConcurrentHashMap<>();

    private PrintTemplates(Path overrideDir, MongolianTitles mongolianTitles) {
        this.overrideDir = overrideDir;
        this.mongolianTitles = mongolianTitles;
    }

    public static PrintTemplates builtIn() {
        return new PrintTemplates(null, null);
    }

    /** Templates in {@code dir} (file {@code NAME.yaml}) take precedence over the built-in ones. */
    public static PrintTemplates withOverrides(Path dir) {
        return new PrintTemplates(Objects.requireNonNull(dir, "dir"), null);
    }

    /**
     * The same templates printed bilingually: a title with an {@code mn:} text gets its
     * Mongolian above it (Mongolian above Chinese in a horizontal layout, Inner Mongolia's rule
     * for bilingual public text), at the title's height.
     */
    public PrintTemplates withMongolianTitles(MongolianTitles drawer) {
        return new PrintTemplates(overrideDir, Objects.requireNonNull(drawer, "drawer"));
    }

    /** Parses (and caches) a template now, so a broken file is found at start-up, not at print time. */
    public void preload(Collection<String> names) {
        names.forEach(this::template);
    }

    public PrintDocument fill(TemplateData data) {
        return fill(data.templateName(), data.toModel());
    }

    /**
     * Fills template {@code name} with {@code data}: nested maps, lists of maps, strings,
     * byte[] images. Throws {@link TemplateDataException} naming the first missing or
     * malformed field.
     */
    public PrintDocument fill(String name, Map<String, ?> data) {
        Objects.requireNonNull(data, "data");
        try {
            return fillChecked(name, data);
        } catch (TemplateDataException e) {
            // field names only: never the value, which may be personal data
            EventLog.event(EventId.PRINT_DATA_INVALID, Outcome.FAILURE, "template", name, "field", e.field());
            throw e;
        } catch (TemplateFormatException e) {
            EventLog.event(EventId.PRINT_DATA_INVALID, Outcome.FAILURE, "template", name, "field", "(template file)");
            throw e;
        }
    }

    private PrintDocument fillChecked(String name, Map<String, ?> data) {
        ParsedTemplate t = template(name);
        for (String path : t.required()) {
            Object v = lookup(data, null, path);
            if (v == null || (v instanceof CharSequence s && s.toString().isBlank())) {
                throw new TemplateDataException(path, "missing");
            }
        }
        Ctx root = new Ctx(data, null, "");
        List<PrintDocument.Entry> out = new ArrayList<>();
        resolve(t.blocks(), root, null, out);
        String title = t.title().render(data, null, "");
        String watermark = t.watermark() == null ? "" : t.watermark().render(data, null, "");
        return new PrintDocument(t.name(), title, out, watermark);
    }

    ParsedTemplate template(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new TemplateFormatException("bad template name: " + name);
        }
        return cache.computeIfAbsent(name, this::load);
    }

    private ParsedTemplate load(String name) {
        String file = name + ".yaml";
        try {
            if (overrideDir != null && Files.isRegularFile(overrideDir.resolve(file))) {
                try (InputStream in = Files.newInputStream(overrideDir.resolve(file))) {
                    return TemplateParser.parse(in, overrideDir.resolve(file).toString());
                }
            }
            try (InputStream in = PrintTemplates.class.getResourceAsStream("/templates/" + file)) {
                if (in == null) {
                    throw new TemplateFormatException("no template named '" + name + "' (looked for " + file
                            + (overrideDir == null ? "" : " in " + overrideDir + " and") + " in the built-in templates)");
                }
                return TemplateParser.parse(in, "templates/" + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading template " + file, e);
        }
    }

    private record Ctx(Object current, Object parent, String prefix) {
    }

    private void resolve(List<Node> nodes, Ctx c, Output inherited, List<PrintDocument.Entry> out) {
        for (Node n : nodes) {
            Output only = n.only() != null ? n.only() : inherited;
            switch (n) {
                case Node.Title t -> {
                    if (mongolianTitles != null && t.mn() != null) {
                        mongolianTitle(t.mn(), only, out);
                    }
                    add(out, new Block.Title(text(t.text(), c)), only);
                }
                case Node.Heading h -> add(out, new Block.Heading(text(h.text(), c)), only);
                case Node.Para p -> add(out, new Block.Text(text(p.text(), c), p.align(), p.bold(), p.size(),
                        origin(p.text(), c)), only);
                case Node.Field f -> {
                    String value = text(f.value(), c);
                    if (value.isBlank()) {
                        if (f.optional()) {
                            continue;
                        }
                        throw new TemplateDataException(origin(f.value(), c), "is empty");
                    }
                    add(out, new Block.Field(text(f.label(), c), value, origin(f.value(), c)), only);
                }
                case Node.Rule r -> add(out, new Block.Rule(), only);
                case Node.Spacer s -> add(out, new Block.Spacer(), only);
                case Node.Qr q -> {
                    String content = text(q.content(), c).strip();
                    String origin = origin(q.content(), c);
                    if (content.isEmpty()) {
                        throw new TemplateDataException(origin, "QR code content is empty");
                    }
                    if (content.length() > 1000) {
                        throw new TemplateDataException(origin, "QR code content longer than 1000 characters");
                    }
                    add(out, new Block.Qr(content, q.sizeMm(), q.caption() == null ? "" : text(q.caption(), c), origin), only);
                }
                case Node.Image i -> add(out, new Block.Image(image(i.key(), c), i.widthMm(), i.heightMm(), i.align(), i.stamp(),
                        c.prefix() + i.key()), only);
                case Node.Each e -> {
                    Object v = lookup(c.current(), c.parent(), e.key());
                    if (v == null) {
                        throw new TemplateDataException(c.prefix() + e.key(), "missing (expected a list)");
                    }
                    if (!(v instanceof List<?> list)) {
                        throw new TemplateDataException(c.prefix() + e.key(), "expected a list");
                    }
                    for (int k = 0; k < list.size(); k++) {
                        Object item = list.get(k);
                        if (item == null) {
                            throw new TemplateDataException(c.prefix() + e.key() + "[" + k + "]", "missing");
                        }
                        resolve(e.body(), new Ctx(item, c.current(), c.prefix() + e.key() + "[" + k + "]."), only, out);
                    }
                }
                case Node.When w -> {
                    if (truthy(lookup(c.current(), c.parent(), w.key())) != w.negate()) {
                        resolve(w.body(), c, only, out);
                    }
                }
            }
        }
    }

    /** The drawn Mongolian title, fitted to the title's height; a drawing that fails costs only the Mongolian line. */
    private void mongolianTitle(String mn, Output only, List<PrintDocument.Entry> out) {
        java.awt.image.BufferedImage img;
        try {
            img = mongolianTitles.draw(mn);
        } catch (RuntimeException e) {
            EventLog.event(EventId.PRINT_DATA_INVALID, Outcome.FAILURE, "field", "title.mn", "error", e.getClass().getSimpleName());
            return;
        }
        if (img == null || img.getWidth() < 1 || img.getHeight() < 1) {
            return;
        }
        int h = MONGOLIAN_TITLE_HEIGHT_MM;
        int w = (int) Math.min(170, Math.max(h, Math.round((double) h * img.getWidth() / img.getHeight())));
        add(out, new Block.Image(img, w, h, Align.CENTER, false, "title.mn"), only);
    }

    private static void add(List<PrintDocument.Entry> out, Block b, Output only) {
        out.add(new PrintDocument.Entry(b, only));
    }

    private static String text(Text t, Ctx c) {
        String s = t.render(c.current(), c.parent(), c.prefix());
        if (s.length() > MAX_TEXT) {
            throw new TemplateDataException(origin(t, c), "longer than " + MAX_TEXT + " characters");
        }
        return s;
    }

    private static String origin(Text t, Ctx c) {
        return t.firstKey() == null ? "(literal text)" : c.prefix() + t.firstKey();
    }

    private static BufferedImage image(String key, Ctx c) {
        Object v = lookup(c.current(), c.parent(), key);
        String field = c.prefix() + key;
        if (v == null) {
            throw new TemplateDataException(field, "missing (expected a PNG or JPEG image)");
        }
        if (v instanceof BufferedImage img) {
            if (img.getWidth() < 1 || img.getHeight() < 1 || img.getWidth() > MAX_IMAGE_SIDE || img.getHeight() > MAX_IMAGE_SIDE) {
                throw new TemplateDataException(field, "image larger than " + MAX_IMAGE_SIDE + "x" + MAX_IMAGE_SIDE);
            }
            return img;
        }
        if (!(v instanceof byte[] bytes)) {
            throw new TemplateDataException(field, "expected image bytes (PNG or JPEG)");
        }
        return decode(bytes, field);
    }

    /**
     * Decodes PNG or JPEG bytes that came from outside (a resident's drawn signature, a seal):
     * the byte count and the declared size are checked before any pixel is decoded, so a small
     * file claiming a huge picture cannot exhaust memory, and whatever the decoder throws on
     * malformed data becomes a {@link TemplateDataException} naming the field.
     */
    static BufferedImage decode(byte[] bytes, String field) {
        if (bytes.length == 0) {
            throw new TemplateDataException(field, "missing (empty image)");
        }
        if (bytes.length > MAX_IMAGE_BYTES) {
            throw new TemplateDataException(field, "image larger than " + MAX_IMAGE_BYTES / 1024 + " KiB");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new TemplateDataException(field, "not a PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (!format.equals("png") && !format.equals("jpeg")) {
                    throw new TemplateDataException(field, "not a PNG or JPEG image");
                }
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w < 1 || h < 1 || w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE) {
                    throw new TemplateDataException(field, "image size not within 1x1 to " + MAX_IMAGE_SIDE + "x" + MAX_IMAGE_SIDE);
                }
                BufferedImage img = reader.read(0);
                if (img == null) {
                    throw new TemplateDataException(field, "not a readable PNG or JPEG image");
                }
                return img;
            } finally {
                reader.dispose();
            }
        } catch (TemplateDataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Truncated, corrupt or hostile data: the decoder's own exception type says which, never the content.
            throw new TemplateDataException(field, "not a readable PNG or JPEG image (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Dot-path lookup in maps: the current context first, then its parent. */
    static Object lookup(Object current, Object parent, String path) {
        Object v = walk(current, path);
        return v != null || parent == null ? v : walk(parent, path);
    }

    private static Object walk(Object root, String path) {
        if (".".equals(path)) {
            return root;
        }
        Object v = root;
        for (String part : path.split("\\.")) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            v = m.get(part);
        }
        return v;
    }

    private static boolean truthy(Object v) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case Collection<?> col -> !col.isEmpty();
            case CharSequence s -> !s.toString().isBlank();
            default -> true;
        };
    }
}
