package dev.lakesentry.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.core.ingest.ImportService.ImportReport;
import dev.lakesentry.store.jdbc.JdbcStore;
import dev.lakesentry.testkit.generator.AccountGenerator;
import dev.lakesentry.testkit.generator.GeneratedAccount;
import dev.lakesentry.testkit.generator.GeneratorConfig;
import dev.lakesentry.testkit.generator.export.ExportFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import of exported system-table files through the same validation and append as pushes. */
class ImportServiceTest {
    private static GeneratedAccount account;

    @TempDir
    Path dir;

    private JdbcStore store;
    private LakeSentry lakeSentry;

    @BeforeAll
    static void generate() {
        account = AccountGenerator.generate(GeneratorConfig.small(3));
    }

    @BeforeEach
    void start() {
        store = JdbcStore.inMemory("import-" + UUID.randomUUID());
        lakeSentry = LakeSentry.builder().store(store).clock(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))
                .importChunkSize(2_000).build();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void importsExportedJsonLinesAndReimportingChangesNothing() throws IOException {
        ExportFiles.write(account, dir, ExportFiles.Format.JSONL);
        ImportReport first = lakeSentry.importer().importDirectory(dir);
        long rows = account.truth().rowCounts().values().stream().mapToLong(Long::longValue).sum();
        assertThat(first.records()).isEqualTo(rows);
        assertThat(first.files()).isEqualTo(SystemTable.values().length);
        for (SystemTable t : SystemTable.values()) {
            assertThat(store.rawReader().rowCount(account.accountId(), t)).as(t.fullName())
                    .isEqualTo(account.truth().rowCounts().get(t.fullName()));
        }
        ImportReport again = lakeSentry.importer().importDirectory(dir);
        assertThat(again.rowsAppended()).isZero();
        assertThat(again.alreadyIngested()).isEqualTo(again.pushes());
        assertThat(store.rawReader().rowCount(account.accountId(), SystemTable.BILLING_USAGE))
                .isEqualTo(account.truth().rowCounts().get("system.billing.usage"));
    }

    @Test
    void importsCsvAndGzipToTheSameRows() throws IOException {
        Path csv = Files.createDirectories(dir.resolve("csv"));
        ExportFiles.write(account, csv, ExportFiles.Format.CSV);
        Path usage = csv.resolve("system.billing.usage.csv");
        Path gz = csv.resolve("system.billing.usage.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(usage, out);
        }
        Files.delete(usage);
        lakeSentry.importer().importDirectory(csv);
        for (SystemTable t : SystemTable.values()) {
            assertThat(store.rawReader().rowCount(account.accountId(), t)).as(t.fullName())
                    .isEqualTo(account.truth().rowCounts().get(t.fullName()));
        }
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private byte[] firstLines(int n) throws IOException {
        Path full = Files.createDirectories(dir.resolve("full"));
        ExportFiles.write(account, full, ExportFiles.Format.JSONL);
        String text = Files.readString(full.resolve("system.billing.usage.jsonl"));
        StringBuilder sb = new StringBuilder();
        String[] lines = text.split("\n");
        for (int i = 0; i < n; i++) {
            sb.append(lines[i]).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hostileFilesAreRefusedNamingFileAndLineAndLandNothing() throws IOException {
        byte[] good = firstLines(5);
        String text = new String(good, StandardCharsets.UTF_8);

        Path truncated = write("system.billing.usage.jsonl", (text + "{\"record_id\": \"x\", \"acc").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> lakeSentry.importer().importFile(truncated))
                .isInstanceOf(ValidationException.class).hasMessageContaining("line 6").hasMessageContaining(truncated.toString());

        byte[] invalid = (text + "{\"record_id\": \"\u00ff\"}\n").getBytes(StandardCharsets.ISO_8859_1);
        Path badUtf8 = write("system.billing.usage.jsonl", invalid);
        assertThatThrownBy(() -> lakeSentry.importer().importFile(badUtf8))
                .hasMessageContaining("line 6").hasMessageContaining("UTF-8");

        Path unknown = write("system.billing.nope.jsonl", good);
        assertThatThrownBy(() -> lakeSentry.importer().importFile(unknown))
                .hasMessageContaining("system.billing.nope").hasMessageContaining(unknown.toString());

        assertThat(store.rawReader().rowCount(account.accountId(), SystemTable.BILLING_USAGE)).isZero();

        Path bomCrlf = write("system.billing.usage.jsonl",
                ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        assertThat(lakeSentry.importer().importFile(bomCrlf).records()).isEqualTo(5);
    }

    @Test
    void anOverlongLineIsRefused() throws IOException {
        LakeSentry small = LakeSentry.builder().store(store).clock(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))
                .build();
        ImportService importer = new ImportService((IngestionService) small.ingestion(), 100, 4096);
        Path longLine = write("system.billing.usage.jsonl", ("{\"record_id\":\"" + "x".repeat(10_000) + "\"}\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> importer.importFile(longLine)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("line 1").hasMessageContaining("longer than 4096 bytes");
    }

    @Test
    void invalidRecordsNameTheFileAndLine() throws IOException {
        String text = new String(firstLines(3), StandardCharsets.UTF_8);
        String broken = text.replaceFirst("\"usage_quantity\":\"[^\"]*\"", "\"usage_quantity\":\"lots\"");
        Path file = write("system.billing.usage.jsonl", broken.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> lakeSentry.importer().importFile(file))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).location())
                        .isEqualTo("file " + file + " line 1"))
                .hasMessageContaining("usage_quantity").hasMessageContaining("lots");
        assertThat(store.rawReader().rowCount(account.accountId(), SystemTable.BILLING_USAGE)).isZero();
    }

    @Test
    void invalidUtf8DeepInACsvFileNamesItsOwnLine() throws IOException {
        Path full = Files.createDirectories(dir.resolve("csv-full"));
        ExportFiles.write(account, full, ExportFiles.Format.CSV);
        List<String> lines = Files.readAllLines(full.resolve("system.billing.usage.csv"), StandardCharsets.UTF_8);
        assertThat(lines.size()).isGreaterThan(700);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 700; i++) {
            String line = lines.get(i);
            if (i == 599) {
                int comma = line.lastIndexOf(',');
                bytes.write(line.substring(0, comma + 1).getBytes(StandardCharsets.UTF_8));
                bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28});
                bytes.write('\n');
                continue;
            }
            bytes.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path file = write("system.billing.usage.csv", bytes.toByteArray());
        assertThatThrownBy(() -> lakeSentry.importer().importFile(file)).isInstanceOf(ValidationException.class)
                .hasMessageContaining(file + " line 600 ").hasMessageContaining("UTF-8");
        assertThat(store.rawReader().rowCount(account.accountId(), SystemTable.BILLING_USAGE)).isZero();
    }

    @Test
    void aCsvFileWithByteOrderMarkAndCrlfReadsAsTheCleanFile() throws IOException {
        Path full = Files.createDirectories(dir.resolve("csv-clean"));
        ExportFiles.write(account, full, ExportFiles.Format.CSV);
        String text = Files.readString(full.resolve("system.billing.usage.csv"), StandardCharsets.UTF_8);
        Path file = write("system.billing.usage.csv", ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        lakeSentry.importer().importFile(file);
        assertThat(store.rawReader().rowCount(account.accountId(), SystemTable.BILLING_USAGE))
                .isEqualTo(account.truth().rowCounts().get("system.billing.usage"));
    }
}
