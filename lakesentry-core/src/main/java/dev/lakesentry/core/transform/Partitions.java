package dev.lakesentry.core.transform;

import dev.lakesentry.api.stage.Partition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Turns a set of days into the fewest partitions of consecutive days. */
public final class Partitions {
    private Partitions() {
    }

    /** The fewest partitions of consecutive days that cover {@code days}. */
    public static List<Partition> of(String accountId, Collection<LocalDate> days) {
        List<Partition> out = new ArrayList<>();
        LocalDate start = null;
        LocalDate prev = null;
        for (LocalDate d : new TreeSet<>(days)) {
            if (start == null) {
                start = d;
            } else if (!d.equals(prev.plusDays(1))) {
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
}
