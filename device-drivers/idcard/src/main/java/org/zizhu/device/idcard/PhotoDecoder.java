package org.zizhu.device.idcard;

/**
 * Turns the card's 1024-byte WLT photo into an image. WLT is decodable only by the licensed
 * vendor library (output: 102x126 24-bit BMP), so the driver keeps the photo opaque and the
 * kiosk installs a decoder that wraps that library. {@link #none()} is the default.
 */
public interface PhotoDecoder {
    /** True if this decoder can actually decode. */
    boolean isAvailable();

    /**
     * Decodes WLT bytes to a BMP file image.
     *
     * @throws PhotoDecodeException if the bytes cannot be decoded or no decoder is installed
     */
    byte[] decodeToBmp(byte[] wlt) throws PhotoDecodeException;

    /** The default: says that no WLT decoder is installed. */
    static PhotoDecoder none() {
        return NoPhotoDecoder.INSTANCE;
    }

    /** Why a photo could not be decoded. */
    final class PhotoDecodeException extends Exception {
        public PhotoDecodeException(String message) {
            super(message);
        }

        public PhotoDecodeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

enum NoPhotoDecoder implements PhotoDecoder {
    INSTANCE;

    @Override
    public boolean isAvailable() {
        return false;
    }

    @Override
    public byte[] decodeToBmp(byte[] wlt) throws PhotoDecodeException {
        throw new PhotoDecodeException("no WLT photo decoder is installed; the vendor's licensed"
                + " decoder library must be plugged in through PhotoDecoder");
    }

    @Override
    public String toString() {
        return "PhotoDecoder.none()";
    }
}
