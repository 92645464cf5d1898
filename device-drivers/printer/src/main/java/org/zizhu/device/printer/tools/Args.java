package org.zizhu.device.printer.tools;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --key value} arguments; unknown keys are a usage error. */
final class Args {
    final Map<String, String> values = new HashMap<>();

    static Args parse(List<String> args, Set<String> keys) {
        Args a = new Args();
        for (int i = 0; i < args.size(); i++) {
            String k = args.get(i);
            if (!k.startsWith("--") || !keys.contains(k.substring(2))) {
                throw new IllegalArgumentException("unknown argument " + k + " (known: --" + String.join(", --", keys) + ")");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(k + " needs a value");
            }
            a.values.put(k.substring(2), args.get(++i));
        }
        return a;
    }

    String get(String k, String def) {
        return values.getOrDefault(k, def);
    }

    boolean has(String k) {
        return values.containsKey(k);
    }
}
