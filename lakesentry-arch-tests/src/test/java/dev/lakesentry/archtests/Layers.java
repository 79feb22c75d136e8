package dev.lakesentry.archtests;

import dev.lakesentry.api.store.ActionWriter;
import dev.lakesentry.api.store.InsightWriter;
import dev.lakesentry.api.store.LedgerBuilder;
import dev.lakesentry.api.store.LedgerWriter;
import dev.lakesentry.api.store.MetricBuilder;
import dev.lakesentry.api.store.MetricsWriter;
import dev.lakesentry.api.store.PlanWriter;
import dev.lakesentry.api.store.RawWriter;
import dev.lakesentry.api.store.ReviewWriter;
import java.util.Map;
import java.util.Set;

/** Which writers exist and which core stage package owns which. */
final class Layers {
    private Layers() {
    }

    static final Set<Class<?>> ALL_WRITERS = Set.of(RawWriter.class, LedgerWriter.class, LedgerBuilder.class,
            MetricsWriter.class, MetricBuilder.class, InsightWriter.class, PlanWriter.class, ReviewWriter.class,
            ActionWriter.class);

    /** Core stage package → the writers it may use (ARCHITECTURE.md §1). */
    static final Map<String, Set<Class<?>>> CORE_STAGES = Map.of(
            "dev.lakesentry.core.ingest", Set.of(RawWriter.class),
            "dev.lakesentry.core.transform", Set.of(LedgerWriter.class, LedgerBuilder.class),
            "dev.lakesentry.core.analysis", Set.of(MetricsWriter.class, MetricBuilder.class, InsightWriter.class,
                    PlanWriter.class),
            "dev.lakesentry.core.execution", Set.of(ActionWriter.class),
            "dev.lakesentry.core.review", Set.of(ReviewWriter.class));

    static final String COMPOSITION_ROOT = "dev.lakesentry.core.LakeSentry";
}
