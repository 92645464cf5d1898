package org.zizhu.print.internal;

import java.util.List;
import org.zizhu.print.Align;
import org.zizhu.print.Block;
import org.zizhu.print.Output;

/** A parsed template element; strings are compiled Mustache fragments ({@link Text}). */
public sealed interface Node {
    Output only();

    /** A title; {@code mn} is its traditional Mongolian (null when none), drawn above it on bilingual print-outs. */
    record Title(Text text, String mn, Output only) implements Node {
    }

    record Heading(Text text, Output only) implements Node {
    }

    record Para(Text text, Align align, boolean bold, Block.Size size, Output only) implements Node {
    }

    record Field(Text label, Text value, boolean optional, Output only) implements Node {
    }

    record Rule(Output only) implements Node {
    }

    record Spacer(Output only) implements Node {
    }

    record Qr(Text content, int sizeMm, Text caption, Output only) implements Node {
    }

    /** An image fitted into a box of {@code widthMm} x {@code heightMm}, its aspect ratio kept. */
    record Image(String key, int widthMm, int heightMm, Align align, boolean stamp, Output only) implements Node {
    }

    record Each(String key, List<Node> body, Output only) implements Node {
    }

    /** {@code when: key} (or {@code unless: key} with {@code negate}). */
    record When(String key, boolean negate, List<Node> body, Output only) implements Node {
    }
}
