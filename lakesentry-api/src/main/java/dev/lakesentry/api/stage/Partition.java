package dev.lakesentry.api.stage;

import dev.lakesentry.api.internal.Checks;
import java.time.LocalDate;

/**
 * A partition of work: one account and a range of usage days (both inclusive). Incremental runs
 * recompute whole partitions, so incremental and full rebuild agree.
 *
 * @since 0.1.0
 */
public record Partition(String accountId, LocalDate from, LocalDate to) {
    public Partition {
        Checks.notBlank(accountId, "Partition", "accountId");
        Checks.notNull(from, "Partition", "from");
        Checks.notNull(to, "Partition", "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Partition.to (" + to + ") must not be before Partition.from (" + from + ")");
        }
    }

    /** A partition of one day. */
    public static Partition day(String accountId, LocalDate day) {
        return new Partition(accountId, day, day);
    }

    /** Whether the day lies in this partition. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
