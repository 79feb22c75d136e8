package dev.lakesentry.core.ingest;

import dev.lakesentry.api.Problem;
import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.push.CanonicalRecords;
import dev.lakesentry.api.push.Column;
import dev.lakesentry.api.push.ExtractionMode;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a push whole: the envelope (ids, schema version, mode, watermark, record count, checksum)
 * and every record (required columns present and parseable, known columns of the right type, the
 * account matching the envelope's). Unknown extra columns are kept, not refused. Finds every problem
 * (reporting at most {@link ValidationException#MAX_PROBLEMS}), each naming the extraction, record
 * index, column and value.
 */
public final class PushValidator {

    /** Ids: letters, digits and {@code . _ : -}, at most 200 characters. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,200}");

    /** The column whose day a record of each incremental table belongs to. */
    private static final Map<SystemTable, String> DAY_COLUMN = new EnumMap<>(SystemTable.class);

    static {
        DAY_COLUMN.put(SystemTable.BILLING_USAGE, "usage_date");
        DAY_COLUMN.put(SystemTable.CLUSTERS, "change_time");
        DAY_COLUMN.put(SystemTable.NODE_TIMELINE, "start_time");
        DAY_COLUMN.put(SystemTable.WAREHOUSES, "change_time");
        DAY_COLUMN.put(SystemTable.WAREHOUSE_EVENTS, "event_time");
        DAY_COLUMN.put(SystemTable.JOBS, "change_time");
        DAY_COLUMN.put(SystemTable.JOB_RUN_TIMELINE, "period_start_time");
        DAY_COLUMN.put(SystemTable.JOB_TASK_RUN_TIMELINE, "period_start_time");
        DAY_COLUMN.put(SystemTable.PIPELINES, "change_time");
        DAY_COLUMN.put(SystemTable.QUERY_HISTORY, "start_time");
        DAY_COLUMN.put(SystemTable.SERVED_ENTITIES, "change_time");
        DAY_COLUMN.put(SystemTable.ENDPOINT_USAGE, "request_time");
    }

    /** A push that passed: the envelope and the usage days its records touch (empty for snapshots). */
    public record ValidPush(PushEnvelope envelope, SortedSet<LocalDate> touchedDays) {
        public ValidPush {
            touchedDays = Collections.unmodifiableSortedSet(new TreeSet<>(touchedDays));
        }
    }

    /**
     * Validates the push.
     *
     * @throws ValidationException listing the problems found
     */
    public ValidPush validate(PushEnvelope envelope) {
        List<Problem> problems = new ArrayList<>();
        int[] total = {0};
        String where = "extraction '" + envelope.extractionId() + "'";
        Reporter report = (location, field, value, message) -> {
            total[0]++;
            if (problems.size() < ValidationException.MAX_PROBLEMS) {
                problems.add(new Problem(location, field, value, message));
            }
        };

        checkId(report, where, "extractionId", envelope.extractionId());
        checkId(report, where, "connectorId", envelope.connectorId());
        checkId(report, where, "accountId", envelope.accountId());
        SystemTable table = envelope.table();
        if (envelope.schemaVersion() != PushEnvelope.CURRENT_SCHEMA_VERSION) {
            report.add(where, "schemaVersion", String.valueOf(envelope.schemaVersion()),
                    "unsupported push schema version; this library reads version " + PushEnvelope.CURRENT_SCHEMA_VERSION);
        }
        if (envelope.mode() != table.mode()) {
            report.add(where, "mode", envelope.mode().name(), table.fullName() + " is extracted as " + table.mode());
        }
        if (table.mode() == ExtractionMode.INCREMENTAL && envelope.watermark() == null) {
            report.add(where, "watermark", null, "an incremental push of " + table.fullName() + " needs its watermark range");
        }
        if (envelope.recordCount() != envelope.records().size()) {
            report.add(where, "recordCount", String.valueOf(envelope.recordCount()),
                    "the push holds " + envelope.records().size() + " records");
        }
        if (!CanonicalRecords.isChecksum(envelope.checksum())) {
            report.add(where, "checksum", envelope.checksum(), "expected 64 lower-case hex digits (SHA-256)");
        } else {
            String actual = CanonicalRecords.checksum(envelope.records());
            if (!actual.equals(envelope.checksum())) {
                report.add(where, "checksum", envelope.checksum(),
                        "does not match the records' canonical SHA-256 " + actual + "; the push was altered or truncated");
            }
        }

        String dayColumn = DAY_COLUMN.get(table);
        List<SourceRecord> records = envelope.records();
        java.util.stream.IntStream indexes = java.util.stream.IntStream.range(0, records.size());
        if (records.size() >= PARALLEL_THRESHOLD) {
            indexes = indexes.parallel();
        }
        RecordCheck[] checks = new RecordCheck[records.size()];
        indexes.forEach(i -> checks[i] = check(envelope, table, dayColumn, where + " record " + i, records.get(i)));
        SortedSet<LocalDate> days = new TreeSet<>();
        for (RecordCheck c : checks) {
            for (Problem p : c.problems()) {
                report.add(p.location(), p.field(), p.value(), p.message());
            }
            if (c.day() != null) {
                days.add(c.day());
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("Push " + where + " of " + table.fullName(), problems, total[0]);
        }
        return new ValidPush(envelope, days);
    }

    /** Records at least this many are checked on several cores; problems keep the records' order. */
    private static final int PARALLEL_THRESHOLD = 2_000;

    /** What one record's check found: its problems and the day it belongs to. */
    private record RecordCheck(List<Problem> problems, LocalDate day) {
    }

    private static RecordCheck check(PushEnvelope envelope, SystemTable table, String dayColumn, String location,
                                     SourceRecord record) {
        List<Problem> found = new ArrayList<>(0);
        LocalDate day = null;
        Map<String, Object> values = record.values();
        for (Column column : table.columns()) {
            Object raw = values.get(column.name());
            if (raw == null) {
                if (column.required()) {
                    found.add(new Problem(location, column.name(), null, "required column of " + table.fullName() + " is missing"));
                }
                continue;
            }
            Object parsed;
            try {
                parsed = Values.parse(column.type(), raw);
            } catch (Values.BadValue bad) {
                found.add(new Problem(location, column.name(), show(raw), bad.getMessage() + " (" + column.type() + ")"));
                continue;
            }
            if (column.required() && parsed instanceof String s && s.isBlank()) {
                found.add(new Problem(location, column.name(), s, "required column of " + table.fullName() + " is blank"));
            }
            if (column.name().equals("account_id") && !envelope.accountId().equals(parsed)) {
                found.add(new Problem(location, "account_id", String.valueOf(parsed),
                        "the push is for account '" + envelope.accountId() + "'; a push carries one account only"));
            }
            if (column.name().equals(dayColumn)) {
                day = parsed instanceof Instant t ? Values.utcDay(t) : (LocalDate) parsed;
            }
        }
        return new RecordCheck(found, day);
    }

    private static void checkId(Reporter report, String where, String field, String value) {
        if (!ID.matcher(value).matches()) {
            report.add(where, field, value, "ids are 1 to 200 letters, digits or . _ : @ -");
        }
    }

    private static String show(Object raw) {
        return raw instanceof String s ? s : String.valueOf(raw);
    }

    @FunctionalInterface
    private interface Reporter {
        void add(String location, String field, String value, String message);
    }
}
