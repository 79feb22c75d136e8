package dev.lakesentry.testkit.generator.export;

import dev.lakesentry.testkit.generator.AccountGenerator;
import dev.lakesentry.testkit.generator.GeneratorConfig;
import dev.lakesentry.testkit.generator.GroundTruth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line entry point that streams a profile to export files and writes {@code truth.json}:
 * {@code java -cp … dev.lakesentry.testkit.generator.export.GenerateFiles <small|demo|large> <seed> <dir> [jsonl] [csv]}
 * (JSON Lines when no format is named). It writes nothing to the console; the files are the output.
 *
 * @since 0.1.0
 */
public final class GenerateFiles {
    private GenerateFiles() {
    }

    /** Runs the generator; see the class comment for the arguments. */
    public static void main(String[] args) {
        if (args.length < 3) {
            throw new IllegalArgumentException(
                    "Usage: GenerateFiles <small|demo|large> <seed> <dir> [jsonl] [csv]");
        }
        generate(GeneratorConfig.profile(args[0], Long.parseLong(args[1])), Path.of(args[2]),
                formats(args.length > 3 ? List.of(args).subList(3, args.length) : List.of("jsonl")));
    }

    /** Streams the account to files in the directory and writes its truth; returns the truth. */
    public static GroundTruth generate(GeneratorConfig config, Path dir, ExportFiles.Format... formats) {
        GroundTruth truth;
        try (ExportFiles files = ExportFiles.open(dir, formats)) {
            truth = AccountGenerator.generate(config, files);
        }
        TruthJson.write(truth, dir.resolve(TruthJson.FILE_NAME));
        return truth;
    }

    private static ExportFiles.Format[] formats(List<String> names) {
        List<ExportFiles.Format> out = new ArrayList<>();
        for (String n : names) {
            out.add(switch (n.toLowerCase(java.util.Locale.ROOT)) {
                case "jsonl" -> ExportFiles.Format.JSONL;
                case "csv" -> ExportFiles.Format.CSV;
                default -> throw new IllegalArgumentException("Unknown format '" + n + "': use jsonl or csv");
            });
        }
        return out.toArray(new ExportFiles.Format[0]);
    }
}
