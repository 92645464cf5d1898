package org.zizhu.kiosk.config;

/** A configuration problem, with a message naming the key and the file; shown instead of a stack trace. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
