package org.zizhu.print;

import java.util.LinkedHashMap;
import java.util.Map;
import org.zizhu.print.internal.Req;

/**
 * One 申请材料 entry of an item guide with the attributes the regulation lists: type
 * (原件/复印件/电子证照/表格), sample, electronic form, source channel, copies and format,
 * whether an electronic copy is required, and whether it is waived by data sharing (免证办).
 */
public record GuideMaterial(String name, String type, String sample, String electronicForm, String sourceChannel,
                            int copies, String format, boolean electronicRequired, boolean waivedBySharing) {
    public GuideMaterial {
        name = Req.text("name", name);
        type = Req.text("type", type);
        sample = Req.optional("sample", sample);
        electronicForm = Req.optional("electronicForm", electronicForm);
        sourceChannel = Req.text("sourceChannel", sourceChannel);
        copies = Req.positive("copies", copies);
        format = Req.text("format", format);
    }

    Map<String, Object> toModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", type);
        m.put("sample", sample.isEmpty() ? "无" : sample);
        m.put("electronicForm", electronicForm.isEmpty() ? "无" : electronicForm);
        m.put("sourceChannel", sourceChannel);
        m.put("copies", String.valueOf(copies));
        m.put("format", format);
        m.put("electronicRequired", electronicRequired ? "是" : "否");
        m.put("waivedBySharing", waivedBySharing);
        return m;
    }
}
