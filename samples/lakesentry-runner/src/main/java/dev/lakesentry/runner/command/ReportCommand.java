package dev.lakesentry.runner.command;

import dev.lakesentry.runner.support.Session;
import dev.lakesentry.runner.report.HtmlReport;
import dev.lakesentry.runner.report.ReportData;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the HTML report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes the self-contained HTML report (charts and tables, no network, no script).")
public final class ReportCommand extends RunnerCommand {
    @Option(names = "--out", defaultValue = "lakesentry-report.html", paramLabel = "FILE",
            description = "The file to write (default ${DEFAULT-VALUE}).")
    Path file;

    @Override
    public Integer call() {
        try (Session session = open()) {
            ReportData d = ReportData.load(session.lakeSentry(), session.account());
            write(file, HtmlReport.render(d, clock().instant()));
            out().println("Wrote " + file.toAbsolutePath());
            out().flush();
        }
        return 0;
    }
}
