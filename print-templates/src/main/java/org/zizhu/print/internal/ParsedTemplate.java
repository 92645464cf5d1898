package org.zizhu.print.internal;

import java.util.List;

/** A template file after parsing: compiled, immutable, shared by all renders. */
public record ParsedTemplate(String name, Text title, List<String> required, Text watermark, List<Node> blocks) {
}
