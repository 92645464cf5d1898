package org.zizhu.print.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.zizhu.print.Align;
import org.zizhu.print.Block;
import org.zizhu.print.Output;
import org.zizhu.print.TemplateFormatException;

/** Reads the YAML layout format described in docs/printing.md into {@link ParsedTemplate}. */
public final class TemplateParser {
    /** A title's Mongolian ({@code mn:}): plain text (no placeholders), at most 200 characters. */
    private static String mongolian(JsonNode n, String at) {
        if (!n.has("mn")) {
            return null;
        }
        String mn = n.get("mn").asText().strip();
        if (mn.isEmpty() || mn.length() > 200 || mn.contains("{{")) {
            throw new TemplateFormatException(at + ": 'mn' must be plain text of 1-200 characters");
        }
        return mn;
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_KEYS = Set.of("name", "title", "description", "required", "watermark", "blocks");
    private static final Set<String> OPTION_KEYS = Set.of("mn", "align", "bold", "size", "only", "value", "optional",
            "caption", "width", "height", "stamp", "blocks");
    /** An image block's box in mm: at most the A4 text width, at most a page's height. */
    static final int MAX_IMAGE_WIDTH_MM = 170;
    static final int MAX_IMAGE_HEIGHT_MM = 240;

    private TemplateParser() {
    }

    public static ParsedTemplate parse(InputStream in, String file) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new TemplateFormatException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new TemplateFormatException(file + ": expected a mapping with name, title and blocks");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP_KEYS.contains(k)) {
                throw new TemplateFormatException(file + ": unknown top-level key '" + k + "' (allowed: " + TOP_KEYS + ")");
            }
        }
        String name = requireText(root, "name", file);
        Text title = Text.compile(requireText(root, "title", file), file + ": title");
        List<String> required = new ArrayList<>();
        if (root.has("required")) {
            if (!root.get("required").isArray()) {
                throw new TemplateFormatException(file + ": 'required' must be a list of field names");
            }
            root.get("required").forEach(n -> required.add(n.asText()));
        }
        Text watermark = root.has("watermark") ? Text.compile(root.get("watermark").asText(), file + ": watermark") : null;
        JsonNode blocks = root.get("blocks");
        if (blocks == null || !blocks.isArray() || blocks.isEmpty()) {
            throw new TemplateFormatException(file + ": 'blocks' must be a non-empty list");
        }
        return new ParsedTemplate(name, title, List.copyOf(required), watermark, parseBlocks(blocks, file + ": blocks"));
    }

    private static List<Node> parseBlocks(JsonNode list, String where) {
        if (!list.isArray()) {
            throw new TemplateFormatException(where + ": expected a list of blocks");
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(parseBlock(list.get(i), where + "[" + (i + 1) + "]"));
        }
        return out;
    }

    private static Node parseBlock(JsonNode n, String where) {
        if (n.isTextual()) {
            return switch (n.asText()) {
                case "rule" -> new Node.Rule(null);
                case "spacer" -> new Node.Spacer(null);
                default -> throw new TemplateFormatException(where + ": unknown block '" + n.asText() + "' (plain words allowed: rule, spacer)");
            };
        }
        if (!n.isObject()) {
            throw new TemplateFormatException(where + ": a block is a mapping such as {text: ...}");
        }
        String type = null;
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!OPTION_KEYS.contains(k)) {
                if (type != null) {
                    throw new TemplateFormatException(where + ": two block kinds '" + type + "' and '" + k + "' in one block");
                }
                type = k;
            }
        }
        if (type == null) {
            throw new TemplateFormatException(where + ": block has no kind (title, heading, text, field, qr, image, each, when, unless, rule, spacer)");
        }
        Output only = n.has("only") ? parseOnly(n.get("only").asText(), where) : null;
        String arg = n.get(type).asText();
        String at = where + " (" + type + ")";
        return switch (type) {
            case "title" -> new Node.Title(Text.compile(arg, at), mongolian(n, at), only);
            case "heading" -> new Node.Heading(Text.compile(arg, at), only);
            case "text" -> new Node.Para(Text.compile(arg, at), parseAlign(n, at), n.path("bold").asBoolean(false),
                    parseSize(n, at), only);
            case "field" -> {
                if (!n.has("value")) {
                    throw new TemplateFormatException(at + ": a field needs a value");
                }
                yield new Node.Field(Text.compile(arg, at), Text.compile(n.get("value").asText(), at),
                        n.path("optional").asBoolean(false), only);
            }
            case "rule" -> new Node.Rule(only);
            case "spacer" -> new Node.Spacer(only);
            case "qr" -> new Node.Qr(Text.compile(arg, at), n.path("size").asInt(30),
                    n.has("caption") ? Text.compile(n.get("caption").asText(), at) : null, only);
            case "image" -> {
                int width = millimetres(n, "width", 40, MAX_IMAGE_WIDTH_MM, at);
                // Without a height the box is square: an image is never taller than it is allowed wide.
                int height = millimetres(n, "height", width, MAX_IMAGE_HEIGHT_MM, at);
                yield new Node.Image(arg, width, height, parseAlign(n, at), n.path("stamp").asBoolean(false), only);
            }
            case "each" -> new Node.Each(arg, parseBlocks(body(n, at), at), only);
            case "when" -> new Node.When(arg, false, parseBlocks(body(n, at), at), only);
            case "unless" -> new Node.When(arg, true, parseBlocks(body(n, at), at), only);
            default -> throw new TemplateFormatException(where + ": unknown block kind '" + type + "'");
        };
    }

    /** A whole number of millimetres in 1..max (a template cannot ask for an image bigger than the page). */
    private static int millimetres(JsonNode n, String key, int dflt, int max, String where) {
        if (!n.has(key)) {
            return dflt;
        }
        JsonNode v = n.get(key);
        if (!v.isInt() || v.asInt() < 1 || v.asInt() > max) {
            throw new TemplateFormatException(where + ": " + key + " must be a whole number of millimetres from 1 to " + max);
        }
        return v.asInt();
    }

    private static JsonNode body(JsonNode n, String where) {
        JsonNode b = n.get("blocks");
        if (b == null) {
            throw new TemplateFormatException(where + ": needs 'blocks'");
        }
        return b;
    }

    private static Output parseOnly(String s, String where) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "a4" -> Output.A4;
            case "receipt" -> Output.RECEIPT;
            default -> throw new TemplateFormatException(where + ": only must be a4 or receipt, not '" + s + "'");
        };
    }

    private static Align parseAlign(JsonNode n, String where) {
        if (!n.has("align")) {
            return Align.LEFT;
        }
        try {
            return Align.valueOf(n.get("align").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TemplateFormatException(where + ": align must be left, center or right");
        }
    }

    private static Block.Size parseSize(JsonNode n, String where) {
        if (!n.has("size")) {
            return Block.Size.NORMAL;
        }
        try {
            return Block.Size.valueOf(n.get("size").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TemplateFormatException(where + ": size must be small, normal or large");
        }
    }

    private static String requireText(JsonNode root, String key, String file) {
        JsonNode v = root.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new TemplateFormatException(file + ": '" + key + "' is required");
        }
        return v.asText();
    }
}
