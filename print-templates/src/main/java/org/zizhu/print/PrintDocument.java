package org.zizhu.print;

import java.util.ArrayList;
import java.util.List;

/**
 * A template filled with data, ready for either output. Immutable; holds personal data only
 * in already masked form (the data records mask before the template sees anything).
 *
 * @param entries   blocks in order, each with the output it is limited to (null: both)
 * @param watermark empty when the template has none
 */
public record PrintDocument(String templateName, String title, List<Entry> entries, String watermark) {
    /** A block and the output it is limited to ({@code null} for both). */
    public record Entry(Block block, Output only) {
    }

    public PrintDocument {
        entries = List.copyOf(entries);
        watermark = watermark == null ? "" : watermark;
    }

    /** The blocks that appear on the given output, in order. */
    public List<Block> blocks(Output output) {
        List<Block> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (e.only() == null || e.only() == output) {
                out.add(e.block());
            }
        }
        return out;
    }
}
