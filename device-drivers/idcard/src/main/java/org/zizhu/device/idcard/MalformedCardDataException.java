package org.zizhu.device.idcard;

/**
 * The card data the reader returned cannot be decoded: wrong block length, invalid UCS-2,
 * unknown type flag, a bad date, gender or nation code, a failed ID check digit, or a read
 * reply whose declared lengths do not add up. This is the only exception the decoders throw
 * for bad input. The message names the field, never its value (it may be personal data).
 */
public final class MalformedCardDataException extends Exception {
    public MalformedCardDataException(String message) {
        super(message);
    }
}
