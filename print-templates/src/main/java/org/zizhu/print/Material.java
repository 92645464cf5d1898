package org.zizhu.print;

import java.util.LinkedHashMap;
import java.util.Map;
import org.zizhu.print.internal.Req;

/** A material handed in with an application (acceptance receipt). */
public record Material(String name, int copies, String form) {
    public Material {
        name = Req.text("name", name);
        copies = Req.positive("copies", copies);
        form = Req.text("form", form);
    }

    Map<String, Object> toModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("copies", String.valueOf(copies));
        m.put("form", form);
        return m;
    }
}
