package org.zizhu.device.camera;

/**
 * Counters of a frame source since it was created.
 *
 * @param framesDecoded  frames that decoded and were offered to consumers
 * @param framesDropped  decoded frames discarded because consumers were slower than the camera
 * @param framesCorrupt  JPEGs (or stream fragments) that failed to split or decode and were skipped
 * @param garbageBytes   stream bytes outside any JPEG
 * @param restarts       times the capture process was started again after it ended or hung
 * @param decodeNanosTotal time spent decoding, for an average
 */
public record CameraStats(long framesDecoded, long framesDropped, long framesCorrupt, long garbageBytes,
                          long restarts, long decodeNanosTotal) {
    public double averageDecodeMillis() {
        return framesDecoded == 0 ? 0 : decodeNanosTotal / 1e6 / framesDecoded;
    }
}
