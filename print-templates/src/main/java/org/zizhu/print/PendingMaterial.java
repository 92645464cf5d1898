package org.zizhu.print;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zizhu.print.internal.Req;

/** A minor material missing at acceptance (容缺受理), to be handed in by {@code dueDate}. */
public record PendingMaterial(String name, LocalDate dueDate) {
    public PendingMaterial {
        name = Req.text("name", name);
        Req.present("dueDate", dueDate);
    }

    Map<String, Object> toModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("dueDate", Req.date(dueDate));
        return m;
    }
}
