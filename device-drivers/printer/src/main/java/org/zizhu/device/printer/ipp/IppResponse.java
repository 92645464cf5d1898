package org.zizhu.device.printer.ipp;

import java.util.List;
import java.util.Map;

/** A decoded IPP response: status code and attributes (all groups flattened, first wins). */
public record IppResponse(int status, Map<String, List<Object>> attributes) {
    public boolean ok() {
        return status >= 0 && status < 0x0100;
    }

    public Integer integer(String name) {
        List<Object> v = attributes.get(name);
        return v == null || v.isEmpty() || !(v.get(0) instanceof Integer i) ? null : i;
    }

    public String string(String name) {
        List<Object> v = attributes.get(name);
        return v == null || v.isEmpty() ? null : String.valueOf(v.get(0));
    }

    public List<Object> all(String name) {
        return attributes.getOrDefault(name, List.of());
    }

    public Boolean bool(String name) {
        List<Object> v = attributes.get(name);
        return v == null || v.isEmpty() || !(v.get(0) instanceof Boolean b) ? null : b;
    }
}
