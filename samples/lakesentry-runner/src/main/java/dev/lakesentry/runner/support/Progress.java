package dev.lakesentry.runner.support;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Progress of the long steps on stderr: numbered steps with their duration, and a bar for steps whose
 * size is known. On a terminal the bar redraws in place; otherwise it prints at most every tenth.
 */
public final class Progress {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final Clock clock;
    private final int steps;
    private final boolean terminal;
    private int step;
    private Instant stepStarted;
    private String label;
    private int lastTenth = -1;

    /**
     * @param err      where progress goes
     * @param clock    times the steps
     * @param steps    how many steps there are
     * @param terminal whether {@code err} is a terminal (redraw in place)
     */
    public Progress(PrintWriter err, Clock clock, int steps, boolean terminal) {
        this.err = err;
        this.clock = clock;
        this.steps = steps;
        this.terminal = terminal;
    }

    /** Starts the next step. */
    public void start(String label) {
        this.step++;
        this.label = label;
        this.stepStarted = clock.instant();
        this.lastTenth = -1;
        err.printf(Locale.ROOT, "[%d/%d] %s ...%s", step, steps, label, terminal ? "" : System.lineSeparator());
        err.flush();
    }

    /** Shows how far the current step is. */
    public void advance(long done, long total) {
        if (total <= 0) {
            return;
        }
        int filled = (int) Math.min(WIDTH, done * WIDTH / total);
        int percent = (int) Math.min(100, done * 100 / total);
        if (terminal) {
            err.printf(Locale.ROOT, "\r[%d/%d] %s [%s%s] %3d%%", step, steps, label, "#".repeat(filled),
                    ".".repeat(WIDTH - filled), percent);
            err.flush();
        } else if (percent / 10 > lastTenth) {
            lastTenth = percent / 10;
            err.printf(Locale.ROOT, "      [%s%s] %3d%%%n", "#".repeat(filled), ".".repeat(WIDTH - filled), percent);
            err.flush();
        }
    }

    /** Ends the current step, with a short note. */
    public void done(String note) {
        Duration took = Duration.between(stepStarted, clock.instant());
        if (terminal) {
            err.printf(Locale.ROOT, "\r[%d/%d] %s: %s (%.1f s)%s%n", step, steps, label, note, took.toMillis() / 1000.0,
                    " ".repeat(WIDTH));
        } else {
            err.printf(Locale.ROOT, "      %s (%.1f s)%n", note, took.toMillis() / 1000.0);
        }
        err.flush();
    }

    /** Runs a step whose size is unknown, then ends it with the note the result gives. */
    public <T> T step(String label, Supplier<T> work, java.util.function.Function<T, String> note) {
        start(label);
        T result = work.get();
        done(note.apply(result));
        return result;
    }
}
