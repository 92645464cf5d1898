package org.zizhu.forms;

/** Where a date field's date (a range's start) may lie relative to today. */
public enum DateWindow {
    PAST_OR_TODAY,
    TODAY_OR_FUTURE
}
