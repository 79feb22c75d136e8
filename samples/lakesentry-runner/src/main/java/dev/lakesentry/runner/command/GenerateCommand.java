package dev.lakesentry.runner.command;

import dev.lakesentry.runner.support.RunnerException;
import dev.lakesentry.testkit.generator.GeneratorConfig;
import dev.lakesentry.testkit.generator.GroundTruth;
import dev.lakesentry.testkit.generator.export.ExportFiles;
import dev.lakesentry.testkit.generator.export.GenerateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a synthetic account as export files (one per system table) plus its {@code truth.json}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates a synthetic account as system-table export files plus truth.json (no store needed).")
public final class GenerateCommand extends RunnerCommand {
    /** The generator's ready-made profiles. */
    public enum Profile { small, demo, large }

    /** The export formats. */
    public enum Format { jsonl, csv }

    @Option(names = "--profile", defaultValue = "small", description = "small, demo or large (default ${DEFAULT-VALUE}).")
    Profile profile;

    @Option(names = "--seed", defaultValue = "42", description = "The seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The directory to write (created; must be empty).")
    Path out;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl or csv (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && (!Files.isDirectory(out) || hasFiles(out))) {
            throw new RunnerException("--out exists and is not an empty directory", out, "choose a new or empty directory");
        }
        long started = System.nanoTime();
        GroundTruth truth = GenerateFiles.generate(GeneratorConfig.profile(profile.name(), seed), out,
                format == Format.csv ? ExportFiles.Format.CSV : ExportFiles.Format.JSONL);
        long rows = truth.rowCounts().values().stream().mapToLong(Long::longValue).sum();
        out().printf(Locale.ROOT, "Wrote account %s (%s profile, seed %d): %,d rows in %d tables, and truth.json, to %s in %.1f s%n",
                truth.accountId(), profile, seed, rows, truth.rowCounts().size(), out.toAbsolutePath(),
                (System.nanoTime() - started) / 1e9);
        out().printf(Locale.ROOT, "Load it with: lakesentry-runner import %s && lakesentry-runner run%n", out);
        out().flush();
        return 0;
    }

    private static boolean hasFiles(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }
}
