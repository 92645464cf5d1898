package org.zizhu.events;

/** How an event ended. */
public enum Outcome {
    SUCCESS, FAILURE, NA
}
