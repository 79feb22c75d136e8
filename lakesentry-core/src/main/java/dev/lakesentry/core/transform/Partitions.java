package dev.lakesentry.core.transform;

import dev.lakesentry.api.stage.Partition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns a set of days into partitions: consecutive days, and days less than {@link #MAX_GAP_DAYS} apart,
 * share one partition, so a build scans each table once per stretch of activity instead of once per day.
 */
public final class Partitions {
    private Partitions() {
    }

    /** Days at most this far apart share a partition (the days between hold no new data, and re-deriving them is harmless). */
    static final int MAX_GAP_DAYS = 7;

    /** The partitions that cover {@code days}. */
    public static List<Partition> of(String accountId, Collection<LocalDate> days) {
        List<Partition> out = new ArrayList<>();
        LocalDate start = null;
        LocalDate prev = null;
        for (LocalDate d : new TreeSet<>(days)) {
            if (start == null) {
                start = d;
            } else if (d.isAfter(prev.plusDays(MAX_GAP_DAYS))) {
                out.add(new Partition(accountId, start, prev));
                start = d;
            }
            prev = d;
        }
        if (start != null) {
            out.add(new Partition(accountId, start, prev));
        }
        return List.copyOf(out);
    }

    /** Adds every day the partitions cover (each from its first to its last day) to {@code days}. */
    public static void addDays(Collection<Partition> partitions, Collection<LocalDate> days) {
        partitions.forEach(p -> p.from().datesUntil(p.to().plusDays(1)).forEach(days::add));
    }
}
