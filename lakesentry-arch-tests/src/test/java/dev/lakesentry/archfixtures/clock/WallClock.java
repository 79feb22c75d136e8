package dev.lakesentry.archfixtures.clock;

import java.time.Instant;

/** Breaks "no wall clock": reads Instant.now(). */
public class WallClock {
    public Instant now() {
        return Instant.now();
    }
}
