package dev.lakesentry.runner.command;

import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.runner.support.PipelineRun;
import dev.lakesentry.runner.support.Session;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;

/** Transforms and analyses what is new. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Transforms what is new in raw into the ledger, then attribution, metrics, detection, scoring and plans.")
public final class RunCommand extends RunnerCommand {
    @Override
    public Integer call() {
        try (Session session = open()) {
            String account = session.account();
            print(out(), account, PipelineRun.run(session, account, false, clock()));
        }
        return 0;
    }

    static void print(PrintWriter out, String account, LakeSentry.PipelineReport r) {
        var t = r.transformation();
        out.printf(Locale.ROOT, "Account %s, as of %s: transformation %s (%,d raw rows in, %,d ledger rows, %d partition(s), %d ms)%n",
                account, t.asOf(), t.outcome(), t.rowsIn(), t.rowsOut(), t.partitions().size(), t.duration().toMillis());
        out.printf(Locale.ROOT, "Analysis: %,d allocations, %,d metric rows, %d insights, %d scores, %d plans%n",
                r.allocations(), r.metricRows(), r.detection().insights().size(), r.scores().size(), r.plans().size());
        if (!r.detection().failures().isEmpty()) {
            out.printf(Locale.ROOT, "Detectors that failed (the others ran): %s%n", r.detection().failures());
        }
        out.flush();
    }
}
