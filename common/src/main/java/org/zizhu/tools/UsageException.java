package org.zizhu.tools;

/**
 * The arguments cannot be used: a parse error, or a check picocli cannot make (a value out of
 * range, options that only make sense together). Exit code 2, the message and the usage line.
 */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    /** An invalid value a config builder or parser refused, e.g. an unknown baud rate. */
    public UsageException(IllegalArgumentException refused) {
        super(refused.getMessage(), refused);
    }
}
