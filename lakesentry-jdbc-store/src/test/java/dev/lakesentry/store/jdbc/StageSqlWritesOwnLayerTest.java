package dev.lakesentry.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only the stage that owns a layer writes it (ARCHITECTURE.md §1), in SQL too: every statement in the
 * {@code .sql} files of each stage package may write only tables with that stage's prefixes.
 */
class StageSqlWritesOwnLayerTest {
    private static final Path MAIN = Path.of("src/main/resources/dev/lakesentry/store/jdbc");
    private static final Path PLANTED = Path.of("src/test/resources/sql-rule-planted/dev/lakesentry/store/jdbc");

    /** Each stage package and the table prefixes its SQL may write. */
    private static final Map<String, List<String>> OWNERS = Map.of(
            "ingest", List.of("raw_"),
            "transform", List.of("ledger_"),
            "analysis", List.of("metric_", "insight_", "plan_"),
            "execution", List.of("action_"),
            "review", List.of("review_"),
            "ops", List.of("ops_"));

    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:INSERT\\s+(?:IGNORE\\s+)?INTO|(?<!KEY\\s)(?<!DO\\s)(?<!FOR\\s)UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE(?:\\s+TABLE)?|COPY|REPLACE\\s+INTO)"
                    + "\\s+([A-Za-z_][A-Za-z0-9_.]*|<[^>]+>)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyStagePackageWritesOnlyItsOwnLayer() {
        List<String> violations = violations(MAIN);
        assertThat(violations).isEmpty();
        assertThat(writesIn(MAIN)).as("statements that write").isGreaterThan(40);
    }

    @Test
    void aPlantedWriteToAnotherLayerIsCaught() {
        assertThat(violations(PLANTED)).singleElement().asString()
                .contains("transform/planted_bad_write.sql").contains("raw_billing_usage");
    }

    @Test
    void theRuleSeesEveryKindOfWrite() {
        for (String sql : List.of("INSERT INTO raw_x VALUES (1)", "update raw_x set a = 1", "DELETE FROM raw_x",
                "MERGE INTO raw_x KEY (a) VALUES (1)", "TRUNCATE TABLE raw_x", "COPY raw_x (a) FROM STDIN",
                "REPLACE INTO raw_x VALUES (1)", "INSERT IGNORE INTO raw_x VALUES (1)")) {
            assertThat(targets(sql)).as(sql).containsExactly("raw_x");
        }
        assertThat(targets("SELECT * FROM raw_x WHERE updated = 1")).isEmpty();
        assertThat(targets("INSERT INTO plan_x (a) VALUES (1) ON DUPLICATE KEY UPDATE a = VALUES(a)")).containsExactly("plan_x");
        assertThat(targets("INSERT INTO plan_x (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = EXCLUDED.a"))
                .containsExactly("plan_x");
    }

    private static List<String> targets(String sql) {
        List<String> out = new ArrayList<>();
        Matcher m = WRITE.matcher(stripComments(sql));
        while (m.find()) {
            out.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static List<String> violations(Path root) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> stage : OWNERS.entrySet()) {
            for (Path file : sqlFiles(root.resolve(stage.getKey()))) {
                for (String table : targets(read(file))) {
                    String bare = table.contains(".") ? table.substring(table.lastIndexOf('.') + 1) : table;
                    if (stage.getValue().stream().noneMatch(bare::startsWith)) {
                        out.add(stage.getKey() + "/" + file.getFileName() + " writes " + table + ", outside "
                                + stage.getValue());
                    }
                }
            }
        }
        return out;
    }

    private static int writesIn(Path root) {
        int n = 0;
        for (String stage : OWNERS.keySet()) {
            for (Path file : sqlFiles(root.resolve(stage))) {
                n += targets(read(file)).size();
            }
        }
        return n;
    }

    private static List<Path> sqlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripComments(String sql) {
        return sql.replaceAll("(?m)--.*$", " ");
    }
}
