package dev.lakesentry.core.analysis;

import dev.lakesentry.api.metrics.CostAllocation;
import dev.lakesentry.api.spi.AttributionRule;
import dev.lakesentry.api.stage.Partition;
import dev.lakesentry.api.store.LedgerReader;
import dev.lakesentry.api.store.MetricsReader;
import dev.lakesentry.api.store.MetricsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cost attribution for partitions of the ledger: allocates with the {@link AttributionEngine} and
 * replaces the partitions' allocations; and the what-if that evaluates another rule set against the
 * stored ledger without writing anything.
 */
public final class AttributionStage {
    private final LedgerReader ledger;
    private final MetricsReader metrics;
    private final MetricsWriter writer;
    private final AttributionEngine engine;
    private final List<AttributionRule> pluginRules;

    public AttributionStage(LedgerReader ledger, MetricsReader metrics, MetricsWriter writer, RuleSet rules,
                            List<AttributionRule> pluginRules) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.pluginRules = List.copyOf(pluginRules);
        this.engine = engine(rules, this.pluginRules);
    }

    private static AttributionEngine engine(RuleSet rules, List<AttributionRule> pluginRules) {
        List<AttributionRule> all = new ArrayList<>(rules.rules());
        all.addAll(pluginRules);
        return new AttributionEngine(all, rules.workspaceDefaultTeams());
    }

    /** Allocates the partitions and replaces their stored allocations, each partition atomically. */
    public long run(List<Partition> partitions) {
        long rows = 0;
        for (Partition p : partitions) {
            List<CostAllocation> allocations = allocate(engine, p);
            writer.replaceAllocations(p, allocations);
            rows += allocations.size();
        }
        return rows;
    }

    /** What another rule set would allocate for the partition, compared to what is stored; writes nothing. */
    public WhatIf whatIf(RuleSet changed, Partition partition) {
        List<CostAllocation> stored = metrics.allocations(partition.accountId(), partition.from(), partition.to());
        List<CostAllocation> proposed = allocate(engine(changed, pluginRules), partition);
        return WhatIf.compare(stored, proposed);
    }

    /** The allocations the current rules give for a partition, without writing them. */
    public List<CostAllocation> preview(Partition partition) {
        return allocate(engine, partition);
    }

    private List<CostAllocation> allocate(AttributionEngine e, Partition p) {
        return e.allocate(new LedgerSnapshot(ledger, p.accountId(), p.from(), p.to()));
    }
}
