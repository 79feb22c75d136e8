package dev.lakesentry.runner.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The last run of each stage per store and account, kept by the runner in a small JSON file in its
 * data directory ({@code stage-runs.json}) for the {@code status} command. The library records what a
 * run did in its result; keeping a history of runs is the host's choice, and this is the runner's.
 */
public final class StageRuns {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One stage run.
     *
     * @param store      the store's description (URL with any password masked)
     * @param accountId  the account
     * @param stage      the stage name
     * @param asOf       the as-of time the run used (ISO-8601)
     * @param rowsIn     rows read
     * @param rowsOut    rows written
     * @param durationMs how long it took
     * @param outcome    the outcome
     * @param detail     what else is worth knowing (counts, errors), or empty
     * @param finishedAt when it finished, on the host's clock (ISO-8601)
     */
    public record Run(String store, String accountId, String stage, String asOf, long rowsIn, long rowsOut,
                      long durationMs, String outcome, String detail, String finishedAt) {
    }

    private final Path file;
    private final String store;

    StageRuns(Path file, String store) {
        this.file = file;
        this.store = store;
    }

    /** Records runs, replacing the previous run of the same store, account and stage. */
    public synchronized void record(List<Run> runs) {
        List<Run> all = new ArrayList<>(readAll());
        for (Run r : runs) {
            all.removeIf(x -> x.store().equals(r.store()) && x.accountId().equals(r.accountId()) && x.stage().equals(r.stage()));
            all.add(r);
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), all);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RunnerException("Cannot write the stage-run log", file,
                    "check that the data directory is writable and has free space (" + e + ")", e);
        }
    }

    /** The last run of each stage of this store and account, in pipeline order. */
    public List<Run> last(String accountId) {
        return readAll().stream().filter(r -> r.store().equals(store) && r.accountId().equals(accountId))
                .sorted(Comparator.comparingInt(r -> order(r.stage()))).toList();
    }

    /** The store description runs are recorded under. */
    public String store() {
        return store;
    }

    private static int order(String stage) {
        List<String> order = List.of("ingestion", "transformation", "analysis");
        int i = order.indexOf(stage);
        return i < 0 ? order.size() : i;
    }

    private List<Run> readAll() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<List<Run>>() { });
        } catch (IOException e) {
            throw new RunnerException("Cannot read the stage-run log", file, "delete it; the next run writes it again", e);
        }
    }
}
