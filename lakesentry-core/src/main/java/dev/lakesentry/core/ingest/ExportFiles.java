package dev.lakesentry.core.ingest;

import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.push.SystemTable;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Names of exported system-table files: the full table name, then {@code .jsonl} or {@code .csv},
 * optionally {@code .gz}, e.g. {@code system.billing.usage.jsonl.gz}.
 */
final class ExportFiles {
    private ExportFiles() {
    }

    enum Format { JSONL, CSV }

    record ExportFile(Path path, SystemTable table, Format format, boolean gzip) {
    }

    /** Whether the name has an export file's extension (whatever its table). */
    static boolean looksLikeExport(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".csv") || name.endsWith(".jsonl.gz") || name.endsWith(".csv.gz");
    }

    /**
     * Parses an export file's name.
     *
     * @throws ValidationException naming the file when the table is unknown
     */
    static ExportFile parse(Path path) {
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean gzip = lower.endsWith(".gz");
        String base = gzip ? name.substring(0, name.length() - 3) : name;
        String lowerBase = base.toLowerCase(Locale.ROOT);
        Format format;
        String tableName;
        if (lowerBase.endsWith(".jsonl")) {
            format = Format.JSONL;
            tableName = base.substring(0, base.length() - 6);
        } else if (lowerBase.endsWith(".csv")) {
            format = Format.CSV;
            tableName = base.substring(0, base.length() - 4);
        } else {
            throw ValidationException.of("file " + path, null, name,
                    "an export file is named <table>.jsonl or <table>.csv, optionally .gz");
        }
        Optional<SystemTable> table = SystemTable.byFullName(tableName);
        if (table.isEmpty()) {
            throw ValidationException.of("file " + path, null, tableName,
                    "is not a system table LakeSentry reads; expected one of "
                            + java.util.Arrays.stream(SystemTable.values()).map(SystemTable::fullName).toList());
        }
        return new ExportFile(path, table.get(), format, gzip);
    }
}
