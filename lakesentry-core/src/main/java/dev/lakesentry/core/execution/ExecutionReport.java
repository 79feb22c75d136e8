package dev.lakesentry.core.execution;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one execution run did.
 *
 * @param accountId      the account
 * @param at             when the run started (the injected clock)
 * @param outcomes       one entry per plan the run recorded something for, by plan id
 * @param stoppedBecause why the run stopped before any action (the blast radius), or {@code null}
 */
public record ExecutionReport(String accountId, Instant at, List<PlanOutcome> outcomes, String stoppedBecause) {
    public ExecutionReport {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(at, "at");
        outcomes = List.copyOf(outcomes);
    }

    /** Why the run stopped before any action, if it did. */
    public Optional<String> stopped() {
        return Optional.ofNullable(stoppedBecause);
    }
}
