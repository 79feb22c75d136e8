package dev.lakesentry.runner.command;

import dev.lakesentry.core.ingest.ImportService;
import dev.lakesentry.runner.support.RunnerException;
import dev.lakesentry.runner.support.Session;
import dev.lakesentry.runner.support.StageRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Loads exported system-table files through ingestion's validation. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Loads exported system-table files (<catalog.schema.table>.jsonl or .csv, optionally .gz) into the raw layer.")
public final class ImportCommand extends RunnerCommand {
    @Parameters(index = "0", paramLabel = "DIR", description = "The directory of export files (e.g. written by 'generate').")
    Path dir;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new RunnerException("Import directory does not exist", dir, "give the directory 'generate --out' wrote");
        }
        try (Session session = open()) {
            Instant started = clock().instant();
            ImportService.ImportReport r = session.lakeSentry().importer().importDirectory(dir);
            Instant finished = clock().instant();
            if (r.files() == 0) {
                throw new RunnerException("Import directory has no export file", dir,
                        "expected files named like system.billing.usage.jsonl or .csv");
            }
            List<String> accounts = session.store().rawReader().accounts();
            for (String account : accounts) {
                session.stageRuns().record(List.of(new StageRuns.Run(session.stageRuns().store(), account, "ingestion",
                        session.lakeSentry().dataAsOf(account).toString(), r.records(), r.rowsAppended(),
                        Duration.between(started, finished).toMillis(), "SUCCEEDED",
                        "import of " + r.files() + " file(s) from " + dir.toAbsolutePath(), finished.toString())));
            }
            out().printf(Locale.ROOT, "Imported %d file(s) in %d push(es): %,d records, %,d rows appended, %d push(es) already ingested%n",
                    r.files(), r.pushes(), r.records(), r.rowsAppended(), r.alreadyIngested());
            out().println("Next: lakesentry-runner run");
            out().flush();
        }
        return 0;
    }
}
