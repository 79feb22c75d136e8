package dev.lakesentry.reliability;

import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.store.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the raw layer holds, read with plain SQL so the check does not trust the code under test: rows
 * per table, pushes whose rows are not all there (or rows of no registered push), and rows stored twice
 * for the same push position.
 *
 * @param rows            rows per system table (full name)
 * @param partialPushes   registered pushes whose row count differs from what they recorded as appended
 * @param orphanRows      raw rows whose extraction id is not registered
 * @param duplicateRows   rows beyond the first at the same (extraction id, row position)
 * @param extractions     registered pushes
 */
record RawIntegrity(Map<String, Long> rows, long partialPushes, long orphanRows, long duplicateRows, long extractions) {

    static String rawTable(SystemTable t) {
        return "raw_" + t.fullName().substring("system.".length()).replace('.', '_');
    }

    static RawIntegrity of(JdbcStore store) {
        Map<String, Long> rows = new LinkedHashMap<>();
        long partial = 0;
        long orphans = 0;
        long duplicates = 0;
        try (Connection c = store.dataSource().getConnection()) {
            for (SystemTable t : SystemTable.values()) {
                String raw = rawTable(t);
                rows.put(t.fullName(), count(c, "SELECT COUNT(*) FROM " + raw, null));
                // One pass over the raw table (a correlated count per push is quadratic: raw has no index on extraction_id).
                partial += count(c, "SELECT COUNT(*) FROM raw_extraction e LEFT JOIN (SELECT extraction_id, COUNT(*) AS n FROM "
                        + raw + " GROUP BY extraction_id) r ON r.extraction_id = e.extraction_id "
                        + "WHERE e.table_name = ? AND e.rows_appended <> COALESCE(r.n, 0)", t.fullName());
                orphans += count(c, "SELECT COUNT(*) FROM " + raw + " r WHERE NOT EXISTS "
                        + "(SELECT 1 FROM raw_extraction e WHERE e.extraction_id = r.extraction_id)", null);
                duplicates += count(c, "SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM " + raw
                        + " GROUP BY extraction_id, row_pos HAVING COUNT(*) > 1) d", null);
            }
            return new RawIntegrity(rows, partial, orphans, duplicates, count(c, "SELECT COUNT(*) FROM raw_extraction", null));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the raw layer of " + store.describe() + ": " + e.getMessage(), e);
        }
    }

    private static long count(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows an expected per-table count has that this raw layer lacks. */
    long lostAgainst(Map<String, Long> expected) {
        return expected.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - rows.getOrDefault(e.getKey(), 0L))).sum();
    }

    /** Rows this raw layer has beyond an expected per-table count. */
    long extraAgainst(Map<String, Long> expected) {
        return rows.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - expected.getOrDefault(e.getKey(), 0L))).sum();
    }
}
