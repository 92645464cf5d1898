package org.zizhu.device.idcard.tools;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tiny option parser for the technician commands: {@code --name value} and {@code --flag}. */
final class Args {
    static final class UsageException extends Exception {
        UsageException(String m) {
            super(m);
        }
    }

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    Args(List<String> args, Set<String> valueOptions, Set<String> flagOptions) throws UsageException {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.startsWith("--") ? a.substring(2) : null;
            String inline = null;
            if (name != null && name.contains("=")) {
                inline = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            }
            if (name != null && valueOptions.contains(name)) {
                String v = inline;
                if (v == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    v = args.get(++i);
                }
                values.put(name, v);
            } else if (name != null && flagOptions.contains(name) && inline == null) {
                flags.add(name);
            } else {
                throw new UsageException("unknown argument: " + a);
            }
        }
    }

    String get(String name) {
        return values.get(name);
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    int intValue(String name, int def, int min, int max) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new UsageException("--" + name + " must be " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " is not a number: " + v);
        }
    }
}
