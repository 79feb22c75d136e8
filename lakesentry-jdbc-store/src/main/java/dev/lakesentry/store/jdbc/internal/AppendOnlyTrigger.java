package dev.lakesentry.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * Not API. The H2 trigger behind the append-only tables: refuses every UPDATE and DELETE, like the
 * PostgreSQL and MariaDB triggers of the same migration.
 */
public final class AppendOnlyTrigger implements Trigger {
    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        String op = newRow == null ? "DELETE" : "UPDATE";
        throw new SQLException("table " + table + " is append-only: " + op + " is refused", "55000");
    }
}
