package org.zizhu.kiosk.flow;

/**
 * A moment in a resident's visit that deserves a sound of its own, as the flow sees it (which
 * sound is the voice's business, see {@code speech.Voice#cue}): derived from two successive
 * modes by {@link SpokenPrompt#cue}.
 */
public enum Cue {
    /** The resident was identified: ID card read (or the app's login code taken). */
    CARD_READ,
    /** A step failed or was refused, or the card could not be used. */
    ERROR,
    /** The transaction or application is done. */
    DONE
}
