package org.zizhu.device.camera.sim;

/**
 * What a simulated document camera (高拍仪) looks at: drawn materials on a desk, rendered by
 * {@link DocumentScenes} through a pinhole-camera model so the page really is seen in perspective.
 */
public enum DocumentScene {
    /** An A4 page lying turned on the desk, seen by a tilted camera, with a pen, a mug and a phone around it. */
    A4_ON_DESK,
    /** A card-sized material (85.6 x 54 mm, rounded corners), seen closer up (the camera's card mode). */
    CARD,
    /** The A4 scene out of focus (camera moved or page lifted while capturing). */
    A4_BLURRED,
    /** The desk with its clutter and no material. */
    EMPTY_DESK,
    /** The A4 page pushed half out of the camera's view. */
    A4_CUT_OFF,
    /** The A4 scene with the desk lamp off. */
    A4_DARK
}
