package org.zizhu.print;

/** A template file itself is broken (bad YAML, unknown block, bad placeholder); names the file and place. */
public class TemplateFormatException extends RuntimeException {
    public TemplateFormatException(String message) {
        super(message);
    }

    public TemplateFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
