package dev.lakesentry.testkit.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What to generate: the seed, the period (UTC days from {@code start}), how many workspaces and
 * entities per workspace, and the {@link Behaviour}. Three profiles are ready-made:
 * {@link #small(long)}, {@link #demo(long)} and {@link #large(long)}; every value can be changed with
 * {@link #toBuilder()}. There is no wall clock: the period comes only from here.
 *
 * @param profile               a label for the profile, written into the truth ({@code small}, {@code demo}, {@code large}, or any)
 * @param seed                  the seed; the same config always gives the same rows, byte for byte
 * @param start                 the first UTC day of the period
 * @param days                  how many days the period has
 * @param workspaces            how many workspaces
 * @param allPurposeClusters    all-purpose clusters per workspace
 * @param jobs                  jobs per workspace (one on an all-purpose cluster, one serverless, the rest on job clusters)
 * @param warehouses            SQL warehouses per workspace
 * @param servingEndpoints      model serving endpoints per workspace
 * @param pipelines             serverless pipelines per workspace
 * @param timelineRetentionDays node timeline and endpoint usage rows are generated only for this many last days (Databricks keeps 90)
 * @param accountId             the Databricks account id, or {@code null} to derive one from the seed
 * @param behaviour             how the account behaves
 * @since 0.1.0
 */
public record GeneratorConfig(
        String profile,
        long seed,
        LocalDate start,
        int days,
        int workspaces,
        int allPurposeClusters,
        int jobs,
        int warehouses,
        int servingEndpoints,
        int pipelines,
        int timelineRetentionDays,
        String accountId,
        Behaviour behaviour) {

    /** The default first day of every profile. */
    public static final LocalDate DEFAULT_START = LocalDate.of(2025, 1, 1);

    public GeneratorConfig {
        Objects.requireNonNull(profile, "GeneratorConfig.profile must not be null");
        Objects.requireNonNull(start, "GeneratorConfig.start must not be null");
        Objects.requireNonNull(behaviour, "GeneratorConfig.behaviour must not be null");
        positive(days, "days", 1);
        positive(workspaces, "workspaces", 1);
        positive(allPurposeClusters, "allPurposeClusters", 0);
        positive(jobs, "jobs", 0);
        positive(warehouses, "warehouses", 0);
        positive(servingEndpoints, "servingEndpoints", 0);
        positive(pipelines, "pipelines", 0);
        positive(timelineRetentionDays, "timelineRetentionDays", 1);
        if (workspaces > 9_999) {
            throw new IllegalArgumentException("GeneratorConfig.workspaces must be at most 9999, was " + workspaces);
        }
        if (accountId != null && accountId.isBlank()) {
            throw new IllegalArgumentException("GeneratorConfig.accountId must be null or not blank");
        }
    }

    private static void positive(int v, String name, int min) {
        if (v < min) {
            throw new IllegalArgumentException("GeneratorConfig." + name + " must be at least " + min + ", was " + v);
        }
    }

    /** 2 workspaces, 14 days: for unit tests (about half a second once the JVM is warm). */
    public static GeneratorConfig small(long seed) {
        return new GeneratorConfig("small", seed, DEFAULT_START, 14, 2, 2, 5, 1, 1, 1, 90, null, Behaviour.defaults());
    }

    /** 4 workspaces, 60 days: for demos, detector tuning and ledger tests. */
    public static GeneratorConfig demo(long seed) {
        return new GeneratorConfig("demo", seed, DEFAULT_START, 60, 4, 3, 8, 2, 1, 1, 90, null, Behaviour.defaults());
    }

    /** 50 workspaces, 365 days, millions of billing rows; node timeline and endpoint usage for the last 90 days only. */
    public static GeneratorConfig large(long seed) {
        return new GeneratorConfig("large", seed, DEFAULT_START, 365, 50, 3, 24, 3, 1, 1, 90, null,
                Behaviour.defaults());
    }

    /** A profile by name: {@code small}, {@code demo} or {@code large}. */
    public static GeneratorConfig profile(String name, long seed) {
        return switch (name) {
            case "small" -> small(seed);
            case "demo" -> demo(seed);
            case "large" -> large(seed);
            default -> throw new IllegalArgumentException("Unknown generator profile '" + name
                    + "': use small, demo or large");
        };
    }

    /** The first instant of the period (midnight UTC of {@link #start}). */
    public Instant periodStart() {
        return start.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The end of the period (exclusive). */
    public Instant periodEnd() {
        return start.plusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link GeneratorConfig} from another one, changing only what is set. */
    public static final class Builder {
        private String profile;
        private long seed;
        private LocalDate start;
        private int days;
        private int workspaces;
        private int allPurposeClusters;
        private int jobs;
        private int warehouses;
        private int servingEndpoints;
        private int pipelines;
        private int timelineRetentionDays;
        private String accountId;
        private Behaviour behaviour;

        private Builder(GeneratorConfig c) {
            profile = c.profile;
            seed = c.seed;
            start = c.start;
            days = c.days;
            workspaces = c.workspaces;
            allPurposeClusters = c.allPurposeClusters;
            jobs = c.jobs;
            warehouses = c.warehouses;
            servingEndpoints = c.servingEndpoints;
            pipelines = c.pipelines;
            timelineRetentionDays = c.timelineRetentionDays;
            accountId = c.accountId;
            behaviour = c.behaviour;
        }

        public Builder profile(String v) { profile = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder start(LocalDate v) { start = v; return this; }
        public Builder days(int v) { days = v; return this; }
        public Builder workspaces(int v) { workspaces = v; return this; }
        public Builder allPurposeClusters(int v) { allPurposeClusters = v; return this; }
        public Builder jobs(int v) { jobs = v; return this; }
        public Builder warehouses(int v) { warehouses = v; return this; }
        public Builder servingEndpoints(int v) { servingEndpoints = v; return this; }
        public Builder pipelines(int v) { pipelines = v; return this; }
        public Builder timelineRetentionDays(int v) { timelineRetentionDays = v; return this; }
        public Builder accountId(String v) { accountId = v; return this; }
        public Builder behaviour(Behaviour v) { behaviour = v; return this; }

        /** The config; throws {@link IllegalArgumentException} naming the first bad value. */
        public GeneratorConfig build() {
            return new GeneratorConfig(profile, seed, start, days, workspaces, allPurposeClusters, jobs, warehouses,
                    servingEndpoints, pipelines, timelineRetentionDays, accountId, behaviour);
        }
    }
}
