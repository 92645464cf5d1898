package org.zizhu.device.printer.sim;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * What the simulator printed between two cuts (or until the job was interrupted).
 *
 * @param lines        text lines as decoded (GBK in Chinese mode)
 * @param qrCodes      data stored with GS ( k and printed
 * @param rasterImages number of GS v 0 images (raster text lines, seals)
 * @param cut          ended with a cut; false when interrupted (paper end, new job, link closed)
 * @param paperOut     printing stopped because the paper ran out
 * @param image        the paper as printed, 1 dot per pixel
 */
public record SimulatedReceipt(List<String> lines, List<String> qrCodes, int rasterImages, boolean cut,
                               boolean paperOut, BufferedImage image) {
    public SimulatedReceipt {
        lines = List.copyOf(lines);
        qrCodes = List.copyOf(qrCodes);
    }

    public String text() {
        return String.join("\n", lines);
    }

    public byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
