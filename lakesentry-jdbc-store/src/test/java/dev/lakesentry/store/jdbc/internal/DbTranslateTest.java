package dev.lakesentry.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.api.StoreException;
import java.io.IOException;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Storage failures of an embedded store (found by the reliability suite on a full and a read-only tmpfs) name
 * the store's files and the cause, not only "The database has been closed".
 */
class DbTranslateTest {
    private static final String URL = "jdbc:h2:file:/data/lakesentry/store/lakesentry";
    private final Db db = new Db(new JdbcDataSource(), null, URL);

    @Test
    void aFullDiskNamesTheFilesAndTheCause() {
        SQLException closed = new SQLException("The database has been closed [90098-232]", "90098", 90098,
                new IllegalStateException("Writing to sun.nio.ch.FileChannelImpl failed", new IOException("No space left on device")));
        StoreException e = db.translate(closed, "raw_extraction", "imp-1");
        assertThat(e.getMessage()).startsWith("Cannot write the store's files at " + URL + " on table raw_extraction for key 'imp-1'")
                .contains("No space left on device").contains("free space");
    }

    @Test
    void aReadOnlyEmbeddedStoreSaysSo() {
        SQLException readOnly = new SQLException("The database is read only; SQL statement: INSERT …", "90097", 90097);
        assertThat(db.translate(readOnly, "ledger_usage", null).getMessage())
                .isEqualTo("The store's files at " + URL + " are read-only on table ledger_usage"
                        + " (make the directory writable, then run again; committed data is kept)");
    }

    @Test
    void otherFailuresAreUnchanged() {
        SQLException other = new SQLException("Syntax error", "42000", 42000);
        assertThat(db.translate(other, "t", "k").getMessage()).isEqualTo("Store operation failed on table t for key 'k': Syntax error");
    }

    @Test
    void aServerStoreLosingItsConnectionIsNotAFileProblem() {
        Db server = new Db(new JdbcDataSource(), null, "jdbc:postgresql://127.0.0.1:5432/test");
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006", 0,
                new java.net.SocketException("Connection reset"));
        assertThat(server.translate(lost, "ledger_usage", "acc").getMessage())
                .startsWith("Lost the connection to jdbc:postgresql://127.0.0.1:5432/test on table ledger_usage");
    }

    @Test
    void anIoFailureBehindASuppressedOrNextExceptionIsFoundDespiteCycles() {
        SQLException batch = new SQLException("IO Exception: \"/data/lakesentry/store/lakesentry.mv.db\"", "90028", 90028);
        SQLException closed = new SQLException("The database has been closed [90098-232]", "90098", 90098);
        IllegalStateException mvstore = new IllegalStateException("Writing to FileChannelImpl failed", new IOException("No space left on device"));
        closed.initCause(mvstore);
        mvstore.addSuppressed(closed);
        batch.setNextException(closed);
        assertThat(db.translate(batch, "raw_compute_node_timeline", "imp-2").getMessage())
                .startsWith("Cannot write the store's files at " + URL).contains("No space left on device");
    }
}
