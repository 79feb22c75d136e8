package dev.lakesentry.runner.support;

import java.time.Clock;

/** Gives commands the clock of the command line they run in (tests inject a fixed one). */
public interface ClockSource {
    /** The clock for stage timings, tokens and reviews; never for the data's as-of time. */
    Clock clock();
}
