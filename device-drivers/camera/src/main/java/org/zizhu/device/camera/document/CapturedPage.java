package org.zizhu.device.camera.document;

import org.zizhu.device.camera.CapturedImage;

/**
 * One corrected document page: an upright JPEG of bounded size, in memory only. A resident's
 * material is personal data: attach it to the visit's application, then {@link #wipe()} it (or
 * use try-with-resources).
 */
public final class CapturedPage extends CapturedImage {
    CapturedPage(byte[] jpeg, int width, int height) {
        super(jpeg, width, height);
    }
}
