package dev.lakesentry.runner.support;

import dev.lakesentry.api.stage.StageOutcome;
import dev.lakesentry.api.stage.StageResult;
import dev.lakesentry.core.LakeSentry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the pipeline for an account (what is new, or a rebuild from raw) and records the runs of its
 * stages in the runner's stage-run log.
 */
public final class PipelineRun {
    private PipelineRun() {
    }

    /** Runs the pipeline once: {@code rebuild} replays every raw row, otherwise only what is new. */
    public static LakeSentry.PipelineReport run(Session session, String account, boolean rebuild, Clock clock) {
        Instant started = clock.instant();
        LakeSentry ls = session.lakeSentry();
        LakeSentry.PipelineReport report = rebuild ? ls.rebuildAll(account) : ls.runOnce(account);
        Instant finished = clock.instant();
        StageResult t = report.transformation();
        List<StageRuns.Run> runs = new ArrayList<>();
        String store = session.stageRuns().store();
        runs.add(new StageRuns.Run(store, account, "transformation", t.asOf().toString(), t.rowsIn(), t.rowsOut(),
                t.duration().toMillis(), t.outcome().name(),
                t.failure().map(Session::oneLine).orElse(t.partitions().size() + " partition(s)" + (rebuild ? ", rebuild" : "")),
                t.finishedAt().toString()));
        boolean analysed = t.outcome() != StageOutcome.FAILED && t.outcome() != StageOutcome.SKIPPED_LOCKED;
        long analysisMs = Math.max(0, Duration.between(started, finished).toMillis() - t.duration().toMillis());
        if (analysed) {
            int insights = report.detection().insights().size();
            String failures = report.detection().failures().isEmpty() ? ""
                    : ", failed detectors " + report.detection().failures().keySet();
            long rowsOut = report.allocations() + report.metricRows() + insights + report.scores().size() + report.plans().size();
            runs.add(new StageRuns.Run(store, account, "analysis", report.detection().asOf().toString(), t.rowsOut(), rowsOut,
                    analysisMs, report.detection().failures().isEmpty() ? "SUCCEEDED" : "PARTIAL",
                    report.allocations() + " allocation(s), " + report.metricRows() + " metric row(s), " + insights
                            + " insight(s), " + report.scores().size() + " score(s), " + report.plans().size() + " plan(s)"
                            + failures, finished.toString()));
        } else {
            runs.add(new StageRuns.Run(store, account, "analysis", t.asOf().toString(), 0, 0, 0, "SKIPPED",
                    "transformation " + t.outcome(), finished.toString()));
        }
        session.stageRuns().record(runs);
        if (t.outcome() == StageOutcome.FAILED) {
            throw new RunnerException("Transformation of account", account,
                    Session.oneLine(t.error()) + " (the ledger is unchanged; fix the cause and run again)");
        }
        if (t.outcome() == StageOutcome.SKIPPED_LOCKED) {
            throw new RunnerException("Another process holds the transformation lock of account", account,
                    "wait for it to finish and run again");
        }
        return report;
    }
}
