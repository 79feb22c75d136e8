package dev.lakesentry.collector;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the collector's health as {@code STATE_DIR/status-CONNECTOR.json}, atomically. */
final class StatusFile {
    private static final Logger LOG = LoggerFactory.getLogger(StatusFile.class);
    private final ObjectMapper json = new ObjectMapper();
    private final Path file;

    StatusFile(Path stateDirectory, String connectorId) {
        this.file = stateDirectory.resolve("status-" + connectorId + ".json");
    }

    Path path() {
        return file;
    }

    void write(CollectorConfig config, Instant at, Collection<TableHealth> tables) {
        ObjectNode root = json.createObjectNode();
        root.put("connector_id", config.connectorId());
        root.put("account_id", config.accountId());
        root.put("primary", config.primary());
        root.put("warehouse_id", config.warehouseId());
        root.put("written_at", at.toString());
        ArrayNode list = root.putArray("tables");
        for (TableHealth h : tables) {
            ObjectNode t = list.addObject();
            t.put("table", h.table().fullName());
            t.put("status", h.status().name());
            t.put("last_success_at", text(h.lastSuccessAt()));
            t.put("last_extraction_id", h.lastExtractionId());
            t.put("rows", h.rows());
            t.put("watermark", text(h.watermark()));
            if (h.lag() == null) {
                t.putNull("lag_seconds");
            } else {
                t.put("lag_seconds", h.lag().toSeconds());
            }
            t.put("last_error", h.lastError());
            t.put("last_error_at", text(h.lastErrorAt()));
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".status-", ".json");
            try {
                json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            LOG.warn("Cannot write the collector status file {}: {}", file, e.getMessage());
        }
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
