package dev.lakesentry.collector.checkpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;

class JdbcCheckpointStoreTest extends CheckpointStoreContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final JdbcDataSource dataSource = new JdbcDataSource();

    JdbcCheckpointStoreTest() {
        dataSource.setURL("jdbc:h2:mem:collector-checkpoints-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    CheckpointStore store() {
        return JdbcCheckpointStore.create(dataSource);
    }

    @Override
    CheckpointStore reopen() {
        return JdbcCheckpointStore.create(dataSource);
    }

    @Override
    void damage(String connectorId, String extractionId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE lakesentry_collector_batch SET envelope = REPLACE(envelope, 'RUNNING', 'STOPPED') "
                        + "WHERE connector_id = ? AND extraction_id = ?")) {
            ps.setString(1, connectorId);
            ps.setString(2, extractionId);
            ps.executeUpdate();
        }
    }
}
