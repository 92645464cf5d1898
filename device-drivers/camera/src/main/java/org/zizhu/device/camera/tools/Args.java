package org.zizhu.device.camera.tools;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Minimal {@code --key value} / {@code --flag} parsing for the camera tool commands. */
final class Args {
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    static Args parse(List<String> args, Set<String> withValue, Set<String> flagNames) throws UsageException {
        Args a = new Args();
        for (int i = 0; i < args.size(); i++) {
            String k = args.get(i);
            if (withValue.contains(k)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(k + " needs a value");
                }
                a.values.put(k, args.get(++i));
            } else if (flagNames.contains(k)) {
                a.flags.add(k);
            } else {
                throw new UsageException("unknown argument: " + k);
            }
        }
        return a;
    }

    String get(String k, String dflt) {
        return values.getOrDefault(k, dflt);
    }

    boolean has(String k) {
        return values.containsKey(k) || flags.contains(k);
    }

    int intValue(String k, int dflt, int min, int max) throws UsageException {
        String v = values.get(k);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new UsageException(k + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(k + " must be a number: " + v);
        }
    }
}
