package dev.lakesentry.testkit.generator.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakesentry.api.push.Column;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.testkit.generator.GeneratedAccount;
import dev.lakesentry.testkit.generator.RowSink;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Export files, one per table and format, named by the full table name ({@code system.billing.usage.jsonl},
 * {@code system.billing.usage.csv}), with Databricks column names in the table's column order.
 * JSON Lines: one object per line with every column (null included). CSV: a header row, strings
 * always double-quoted (so an empty string differs from null, which is an empty field), numbers and
 * booleans bare, nested values as JSON text; lines end with {@code \n}. Byte-identical for the same rows.
 *
 * <p>As a {@link RowSink} it streams rows straight to disk, so the large profile never sits in memory;
 * {@link #close()} creates the files of tables that got no rows.
 *
 * @since 0.1.0
 */
public final class ExportFiles implements RowSink, AutoCloseable {
    /** A file format. */
    public enum Format {
        /** JSON Lines, {@code .jsonl}. */
        JSONL(".jsonl"),
        /** Comma-separated values, {@code .csv}. */
        CSV(".csv");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The file name extension, with the dot. */
        public String extension() {
            return extension;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final Set<Format> formats;
    private final Map<SystemTable, Map<Format, Writer>> writers = new EnumMap<>(SystemTable.class);
    private final StringBuilder line = new StringBuilder(1024);

    private ExportFiles(Path dir, Set<Format> formats) {
        this.dir = dir;
        this.formats = formats;
    }

    /** Opens a sink writing the given formats into the directory (created if missing). */
    public static ExportFiles open(Path dir, Format... formats) {
        if (formats.length == 0) {
            throw new IllegalArgumentException("ExportFiles.open needs at least one format");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create export directory " + dir, e);
        }
        EnumSet<Format> set = EnumSet.noneOf(Format.class);
        set.addAll(List.of(formats));
        return new ExportFiles(dir, set);
    }

    /** The file name of a table in a format, e.g. {@code system.billing.usage.jsonl}. */
    public static String fileName(SystemTable table, Format format) {
        return table.fullName() + format.extension();
    }

    /** Writes an in-memory account's tables in the given formats, and its {@code truth.json}. */
    public static void write(GeneratedAccount account, Path dir, Format... formats) {
        try (ExportFiles files = open(dir, formats)) {
            for (SystemTable t : SystemTable.values()) {
                for (SourceRecord r : account.rows(t)) {
                    files.accept(t, r);
                }
            }
        }
        TruthJson.write(account.truth(), dir.resolve(TruthJson.FILE_NAME));
    }

    @Override
    public void accept(SystemTable table, SourceRecord row) {
        Map<Format, Writer> w = writers(table);
        try {
            for (Map.Entry<Format, Writer> e : w.entrySet()) {
                line.setLength(0);
                if (e.getKey() == Format.JSONL) {
                    jsonLine(table, row);
                } else {
                    csvLine(table, row);
                }
                e.getValue().write(line.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + table.fullName() + " in " + dir, e);
        }
    }

    private Map<Format, Writer> writers(SystemTable table) {
        Map<Format, Writer> w = writers.get(table);
        if (w != null) {
            return w;
        }
        w = new EnumMap<>(Format.class);
        try {
            for (Format f : formats) {
                BufferedWriter out = Files.newBufferedWriter(dir.resolve(fileName(table, f)), StandardCharsets.UTF_8);
                if (f == Format.CSV) {
                    StringBuilder header = new StringBuilder();
                    for (Column c : table.columns()) {
                        if (header.length() > 0) {
                            header.append(',');
                        }
                        header.append(c.name());
                    }
                    out.write(header.append('\n').toString());
                }
                w.put(f, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open export files for " + table.fullName() + " in " + dir, e);
        }
        writers.put(table, w);
        return w;
    }

    private void jsonLine(SystemTable table, SourceRecord row) {
        line.append('{');
        boolean first = true;
        for (Column c : table.columns()) {
            if (!first) {
                line.append(',');
            }
            first = false;
            JsonText.string(line, c.name());
            line.append(':');
            JsonText.write(line, row.values().get(c.name()));
        }
        line.append("}\n");
    }

    private void csvLine(SystemTable table, SourceRecord row) {
        boolean first = true;
        for (Column c : table.columns()) {
            if (!first) {
                line.append(',');
            }
            first = false;
            Object v = row.values().get(c.name());
            if (v == null) {
                continue;
            }
            if (v instanceof String s) {
                quoted(s);
            } else if (v instanceof Map || v instanceof List) {
                quoted(JsonText.of(v));
            } else {
                JsonText.write(line, v);
            }
        }
        line.append('\n');
    }

    private void quoted(String s) {
        line.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                line.append('"');
            }
            line.append(ch);
        }
        line.append('"');
    }

    /** Flushes and closes every file, creating empty files for tables that got no rows. */
    @Override
    public void close() {
        for (SystemTable t : SystemTable.values()) {
            writers(t);
        }
        IOException first = null;
        for (Map<Format, Writer> w : writers.values()) {
            for (Writer out : w.values()) {
                try {
                    out.close();
                } catch (IOException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
        }
        if (first != null) {
            throw new UncheckedIOException("Cannot close export files in " + dir, first);
        }
    }

    /** Reads a JSON Lines export file back: integers as {@link Long}, fractions as {@link Double}, text as text. */
    public static List<SourceRecord> readJsonl(Path file) {
        List<SourceRecord> out = new ArrayList<>();
        forEachJsonl(file, out::add);
        return out;
    }

    /** Streams a JSON Lines export file, one record per line. */
    public static void forEachJsonl(Path file, Consumer<SourceRecord> consumer) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String l;
            int n = 0;
            while ((l = in.readLine()) != null) {
                n++;
                if (l.isEmpty()) {
                    continue;
                }
                JsonNode node = MAPPER.readTree(l);
                if (!node.isObject()) {
                    throw new IllegalArgumentException(file + " line " + n + " is not a JSON object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> values = (Map<String, Object>) plain(node);
                consumer.accept(new SourceRecord(values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static Object plain(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), plain(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(plain(x)));
            return l;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("Unexpected JSON value " + n);
    }
}
