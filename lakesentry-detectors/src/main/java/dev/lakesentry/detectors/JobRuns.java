package dev.lakesentry.detectors;

import dev.lakesentry.api.insight.LedgerRowRef;
import dev.lakesentry.api.insight.SeriesPoint;
import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.WorkUnitRef;
import dev.lakesentry.api.ledger.WorkUnitRun;
import dev.lakesentry.api.ledger.WorkUnitType;
import dev.lakesentry.api.spi.DetectionContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Job runs grouped per job, and the job's priced usage, for the two job detectors. */
final class JobRuns {

    static final String RUN_TABLE = "ledger_work_unit_run";

    private JobRuns() {
    }

    /** Finished runs that started in {@code [from, to)}, per job key, each list by start then run id. */
    static Map<String, List<WorkUnitRun>> byJob(DetectionContext context, Instant from, Instant to) {
        Map<String, List<WorkUnitRun>> out = new TreeMap<>();
        for (WorkUnitRun r : context.ledger().runs(context.accountId(), from, to)) {
            if (r.finished() && !r.end().isAfter(to)) {
                out.computeIfAbsent(r.workUnit().key(), k -> new ArrayList<>()).add(r);
            }
        }
        out.values().forEach(l -> l.sort(Comparator.comparing(WorkUnitRun::start).thenComparing(WorkUnitRun::runId)));
        return out;
    }

    /** The priced usage of jobs, keyed like {@link #byJob}: by work unit, else by workspace and job id. */
    static ResourceCosts costs(DetectionContext context, Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, java.time.ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to, java.time.ZoneOffset.UTC);
        List<UsageLineItem> usage = context.ledger().usage(context.accountId(), first, last);
        return new ResourceCosts(usage, u -> {
            if (u.workUnit() != null) {
                return u.workUnit().key();
            }
            if (u.jobId() != null && u.workspaceId() != null) {
                return new WorkUnitRef(WorkUnitType.JOB, u.workspaceId(), u.jobId()).key();
            }
            return null;
        });
    }

    static Subject subject(WorkUnitRef job) {
        SubjectKind kind = job.type() == WorkUnitType.JOB ? SubjectKind.JOB : SubjectKind.WORK_UNIT;
        return new Subject(kind, job.externalId(), job.workspaceId());
    }

    static String describe(WorkUnitRef job) {
        return job.type().name().toLowerCase(java.util.Locale.ROOT) + " " + job.externalId() + " in workspace "
                + job.workspaceId();
    }

    static LedgerRowRef row(WorkUnitRun r) {
        return new LedgerRowRef(RUN_TABLE, r.workUnit().key() + ":" + r.runId() + ":" + r.attempt());
    }

    /** One point per run: its start and its duration in minutes; runs in {@code flagged} marked. */
    static List<SeriesPoint> durationPoints(List<WorkUnitRun> runs, Set<WorkUnitRun> flagged) {
        return runs.stream().map(r -> new SeriesPoint(r.start(),
                BigDecimal.valueOf(r.duration().toSeconds()).divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_EVEN),
                flagged.contains(r))).toList();
    }

    /** Cost per run hour of a job from its usage and its runs, zero when either is missing. */
    static double costPerRunHour(ResourceCosts costs, String key, List<WorkUnitRun> runs) {
        double hours = runs.stream().mapToDouble(r -> r.duration().toSeconds() / 3600.0).sum();
        if (hours <= 0) {
            return 0;
        }
        return ResourceCosts.sum(costs.rows(key)).doubleValue() / hours;
    }
}
