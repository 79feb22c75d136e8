package dev.lakesentry.core.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.lakesentry.api.LakeSentryException;
import dev.lakesentry.api.Problem;
import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.push.Column;
import dev.lakesentry.api.push.ExtractionMode;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.PushReceipt;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.WatermarkRange;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads exported system-table files (JSON Lines or CSV, optionally gzip, one file per table named by
 * the full table name) through the same validation and append as a collector's pushes, in pushes of
 * bounded size. Each push's extraction id is derived from the table, account, chunk number and the
 * chunk's checksum, so importing the same files again changes nothing. A file or line that cannot be
 * read is refused naming the file and line; a refused chunk lands nothing.
 */
public final class ImportService {
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    /** The connector id imports are registered under. */
    public static final String CONNECTOR_ID = "import";

    private final IngestionService ingestion;
    private final int chunkSize;
    private final int maxLineBytes;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** What an import did. */
    public record ImportReport(int files, int pushes, long records, long rowsAppended, int alreadyIngested) {
        ImportReport plus(ImportReport o) {
            return new ImportReport(files + o.files, pushes + o.pushes, records + o.records,
                    rowsAppended + o.rowsAppended, alreadyIngested + o.alreadyIngested);
        }
    }

    /**
     * @param chunkSize    records per push, at least 1
     * @param maxLineBytes longest line accepted in a JSON Lines or CSV file (and longest CSV field)
     */
    public ImportService(IngestionService ingestion, int chunkSize, int maxLineBytes) {
        this.ingestion = Objects.requireNonNull(ingestion, "ingestion");
        if (chunkSize < 1 || maxLineBytes < 1024) {
            throw new IllegalArgumentException("chunkSize must be at least 1 and maxLineBytes at least 1024, were "
                    + chunkSize + " and " + maxLineBytes);
        }
        this.chunkSize = chunkSize;
        this.maxLineBytes = maxLineBytes;
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxLineBytes).build());
    }

    /** With pushes of 10,000 records and lines of at most 16 MiB. */
    public ImportService(IngestionService ingestion) {
        this(ingestion, 10_000, 16 * 1024 * 1024);
    }

    /**
     * Imports every export file of a directory, in name order. Files without an export extension
     * (such as {@code truth.json}) are skipped and logged.
     */
    public ImportReport importDirectory(Path dir) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (NoSuchFileException e) {
            throw new ValidationException("Import of " + dir, List.of(new Problem("directory " + dir, null, null,
                    "does not exist")));
        } catch (IOException e) {
            throw new LakeSentryException("Cannot list the import directory " + dir + ": " + e.getMessage(), e);
        }
        ImportReport total = new ImportReport(0, 0, 0, 0, 0);
        for (Path file : files) {
            if (!ExportFiles.looksLikeExport(file)) {
                LOG.info("Import skips {}: not an export file (<table>.jsonl or .csv, optionally .gz)", file.getFileName());
                continue;
            }
            total = total.plus(importFile(file));
        }
        return total;
    }

    /** Imports one export file. */
    public ImportReport importFile(Path path) {
        ExportFiles.ExportFile file = ExportFiles.parse(path);
        Chunker chunker = new Chunker(file);
        try (InputStream in = open(path, file.gzip())) {
            if (file.format() == ExportFiles.Format.JSONL) {
                readJsonLines(file, in, chunker);
            } else {
                readCsv(file, in, chunker);
            }
        } catch (IOException e) {
            throw new LakeSentryException("Cannot read " + path + ": " + e.getMessage(), e);
        }
        chunker.flushAll();
        LOG.info("Imported {}: {} record(s) in {} push(es), {} row(s) appended, {} already ingested", path.getFileName(),
                chunker.report.records(), chunker.report.pushes(), chunker.report.rowsAppended(),
                chunker.report.alreadyIngested());
        return chunker.report;
    }

    private static InputStream open(Path path, boolean gzip) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        return gzip ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    private void readJsonLines(ExportFiles.ExportFile file, InputStream in, Chunker chunker) throws IOException {
        try (StrictLines lines = new StrictLines(in, file.path().toString(), maxLineBytes)) {
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> values;
                try {
                    values = json.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { });
                } catch (JsonProcessingException e) {
                    throw ValidationException.of(where(file, lines.lineNumber()), null, null,
                            "is not a JSON object: " + e.getOriginalMessage());
                }
                chunker.add(toRecord(file, lines.lineNumber(), values), lines.lineNumber());
            }
        }
    }

    private void readCsv(ExportFiles.ExportFile file, InputStream in, Chunker chunker) throws IOException {
        // Lines are decoded strictly first (BOM and CR removed), so invalid UTF-8 names its own line.
        StrictLines lines = new StrictLines(in, file.path().toString(), maxLineBytes);
        CsvMapper csv = new CsvMapper();
        csv.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxLineBytes).build());
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        long line = 1;
        try (Reader r = lines.asReader();
             MappingIterator<Map<String, String>> it = csv.readerFor(new TypeReference<Map<String, String>>() { })
                     .with(schema).with(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS).readValues(r)) {
            while (true) {
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    Map<String, String> row = it.nextValue();
                    line = it.getCurrentLocation().getLineNr();
                    chunker.add(toRecord(file, line, csvValues(file, line, row)), line);
                } catch (JsonProcessingException e) {
                    long at = e.getLocation() != null ? e.getLocation().getLineNr() : line;
                    throw ValidationException.of(where(file, at), null, null, "is not valid CSV: " + e.getOriginalMessage());
                }
            }
        }
    }

    /** CSV gives text: empty fields are null, nested columns are JSON text. */
    private Map<String, Object> csvValues(ExportFiles.ExportFile file, long line, Map<String, String> row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : row.entrySet()) {
            String text = e.getValue();
            Object value = text == null || text.isEmpty() ? null : text;
            Column column = file.table().column(e.getKey()).orElse(null);
            if (value != null && column != null && column.type().isNested()) {
                try {
                    value = json.readValue(text, Object.class);
                } catch (JsonProcessingException ex) {
                    throw ValidationException.of(where(file, line), e.getKey(), text,
                            "a nested " + column.type() + " column must hold JSON text: " + ex.getOriginalMessage());
                }
            }
            values.put(e.getKey(), value);
        }
        return values;
    }

    private static SourceRecord toRecord(ExportFiles.ExportFile file, long line, Map<String, Object> values) {
        try {
            return new SourceRecord(values);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(where(file, line), null, null, e.getMessage());
        }
    }

    private static String where(ExportFiles.ExportFile file, long line) {
        return "file " + file.path() + " line " + line;
    }

    /** Splits a file's records per account into bounded pushes and sends them. */
    private final class Chunker {
        private final ExportFiles.ExportFile file;
        private final Map<String, List<SourceRecord>> records = new LinkedHashMap<>();
        private final Map<String, List<Long>> lines = new LinkedHashMap<>();
        private final Map<String, Integer> chunkIndex = new LinkedHashMap<>();
        ImportReport report = new ImportReport(1, 0, 0, 0, 0);

        Chunker(ExportFiles.ExportFile file) {
            this.file = file;
        }

        void add(SourceRecord record, long line) {
            Object account = record.values().get("account_id");
            if (!(account instanceof String a) || a.isBlank()) {
                throw ValidationException.of(where(file, line), "account_id", account == null ? null : account.toString(),
                        "every exported row needs its account_id");
            }
            List<SourceRecord> list = records.computeIfAbsent(a, k -> new ArrayList<>());
            list.add(record);
            lines.computeIfAbsent(a, k -> new ArrayList<>()).add(line);
            if (list.size() >= chunkSize) {
                flush(a);
            }
        }

        void flushAll() {
            for (String account : new ArrayList<>(records.keySet())) {
                flush(account);
            }
        }

        private void flush(String account) {
            List<SourceRecord> chunk = records.remove(account);
            List<Long> chunkLines = lines.remove(account);
            if (chunk == null || chunk.isEmpty()) {
                return;
            }
            int index = chunkIndex.merge(account, 1, Integer::sum) - 1;
            SystemTable table = file.table();
            String checksum = dev.lakesentry.api.push.CanonicalRecords.checksum(chunk);
            String extractionId = "imp-" + sha256(table.fullName() + "|" + account + "|" + index + "|" + checksum)
                    .substring(0, 32);
            WatermarkRange watermark = table.mode() == ExtractionMode.INCREMENTAL ? watermark(table, chunk) : null;
            PushEnvelope envelope = new PushEnvelope(extractionId, CONNECTOR_ID, account, table, table.mode(), watermark,
                    PushEnvelope.CURRENT_SCHEMA_VERSION, chunk.size(), checksum, chunk);
            PushReceipt receipt;
            try {
                receipt = ingestion.accept(envelope);
            } catch (ValidationException e) {
                throw relocate(e, chunkLines);
            }
            report = new ImportReport(1, report.pushes() + 1, report.records() + chunk.size(),
                    report.rowsAppended() + (receipt.alreadyIngested() ? 0 : receipt.rowsAppended()),
                    report.alreadyIngested() + (receipt.alreadyIngested() ? 1 : 0));
        }

        /** Names file and line instead of extraction and record index. */
        private ValidationException relocate(ValidationException e, List<Long> chunkLines) {
            List<Problem> moved = new ArrayList<>();
            for (Problem p : e.problems()) {
                String location = p.location();
                int at = location.lastIndexOf(" record ");
                if (at >= 0) {
                    try {
                        int index = Integer.parseInt(location.substring(at + 8));
                        location = where(file, chunkLines.get(index));
                    } catch (NumberFormatException | IndexOutOfBoundsException ignored) {
                        location = "file " + file.path() + " (" + location + ")";
                    }
                } else {
                    location = "file " + file.path() + " (" + location + ")";
                }
                moved.add(new Problem(location, p.field(), p.value(), p.message()));
            }
            return new ValidationException("Import of " + file.path(), moved, e.totalProblems());
        }
    }

    private static WatermarkRange watermark(SystemTable table, List<SourceRecord> chunk) {
        String column = table.watermarkColumn().orElseThrow();
        Instant min = null;
        Instant max = null;
        for (SourceRecord r : chunk) {
            Object v = r.values().get(column);
            Instant t;
            try {
                Object parsed = Values.parse(table.column(column).orElseThrow().type(), v);
                t = parsed instanceof LocalDate d ? d.atStartOfDay(ZoneOffset.UTC).toInstant() : (Instant) parsed;
            } catch (Values.BadValue | RuntimeException e) {
                continue;
            }
            min = min == null || t.isBefore(min) ? t : min;
            max = max == null || t.isAfter(max) ? t : max;
        }
        return max == null ? null : new WatermarkRange(min, max);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
