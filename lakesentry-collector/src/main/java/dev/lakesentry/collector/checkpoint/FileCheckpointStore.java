package dev.lakesentry.collector.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesentry.api.StoreException;
import dev.lakesentry.api.push.SystemTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The default {@link CheckpointStore}: one JSON file per checkpoint and per saved batch under a state
 * directory, each written atomically (a temporary file, forced to disk, then moved over the old one).
 *
 * <pre>
 * STATE_DIR/checkpoints/CONNECTOR/system.billing.usage.json
 * STATE_DIR/batches/CONNECTOR/EXTRACTION_ID.json
 * </pre>
 * A batch file keeps the envelope text and the SHA-256 of its bytes; a damaged file is reported, never
 * re-sent.
 *
 * @since 0.1.0
 */
public final class FileCheckpointStore implements CheckpointStore {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@-]{1,200}");

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();

    /** A store under this directory (created when missing). */
    public FileCheckpointStore(Path stateDirectory) {
        this.dir = Objects.requireNonNull(stateDirectory, "stateDirectory").toAbsolutePath();
    }

    /** The state directory. */
    public Path directory() {
        return dir;
    }

    @Override
    public synchronized Optional<Checkpoint> checkpoint(String connectorId, SystemTable table) {
        Path file = checkpointFile(connectorId, table);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = json.readTree(file.toFile());
            return Optional.of(new Checkpoint(n.path("connector_id").asText(), table, instant(n, "watermark"),
                    n.path("extraction_id").asText(), instant(n, "updated_at")));
        } catch (IOException | RuntimeException e) {
            throw new StoreException("Checkpoint file " + file + " cannot be read: " + e.getMessage()
                    + "; fix or remove it (the table is then read again from the start)", e);
        }
    }

    @Override
    public synchronized void save(SavedBatch batch) {
        ObjectNode n = json.createObjectNode();
        n.put("connector_id", batch.connectorId());
        n.put("table", batch.table().fullName());
        n.put("extraction_id", batch.extractionId());
        n.put("part", batch.part());
        n.put("checksum", batch.checksum());
        n.put("advances_to", batch.advancesTo() == null ? null : batch.advancesTo().toString());
        n.put("saved_at", batch.savedAt().toString());
        n.put("envelope_sha256", batch.bytesSha256());
        n.put("envelope", batch.json());
        write(batchFile(batch.connectorId(), batch.extractionId()), n);
    }

    @Override
    public synchronized List<SavedBatch> pending(String connectorId) {
        Path folder = dir.resolve("batches").resolve(safe(connectorId));
        List<SavedBatch> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                out.add(readBatch(file));
            }
        } catch (IOException e) {
            throw new StoreException("Saved batches in " + folder + " cannot be listed: " + e.getMessage(), e);
        }
        out.sort(SavedBatch.ORDER);
        return out;
    }

    @Override
    public synchronized void acknowledge(SavedBatch batch, Instant at) {
        Checkpoint next = Checkpoint.advance(checkpoint(batch.connectorId(), batch.table()).orElse(null), batch, at);
        ObjectNode n = json.createObjectNode();
        n.put("connector_id", next.connectorId());
        n.put("table", next.table().fullName());
        n.put("watermark", next.watermark() == null ? null : next.watermark().toString());
        n.put("extraction_id", next.extractionId());
        n.put("updated_at", next.updatedAt().toString());
        write(checkpointFile(batch.connectorId(), batch.table()), n);
        try {
            Files.deleteIfExists(batchFile(batch.connectorId(), batch.extractionId()));
        } catch (IOException e) {
            throw new StoreException("Acknowledged batch " + batch.extractionId() + " cannot be removed: "
                    + e.getMessage() + "; it will be re-sent and answered as already ingested", e);
        }
    }

    private SavedBatch readBatch(Path file) {
        try {
            JsonNode n = json.readTree(file.toFile());
            SystemTable table = SystemTable.byFullName(n.path("table").asText())
                    .orElseThrow(() -> new IllegalStateException("unknown table " + n.path("table")));
            SavedBatch batch = new SavedBatch(n.path("connector_id").asText(), table, n.path("extraction_id").asText(),
                    n.path("part").asInt(), n.path("checksum").asText(), n.path("envelope").asText(),
                    instant(n, "advances_to"), instant(n, "saved_at"));
            if (!batch.bytesSha256().equals(n.path("envelope_sha256").asText())) {
                throw new IllegalStateException("the envelope's bytes no longer match their SHA-256");
            }
            return batch;
        } catch (IOException | RuntimeException e) {
            throw new StoreException("Saved batch file " + file + " is damaged: " + e.getMessage()
                    + "; move it away to let the collector continue", e);
        }
    }

    private static Instant instant(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : Instant.parse(v.asText());
    }

    private Path checkpointFile(String connectorId, SystemTable table) {
        return dir.resolve("checkpoints").resolve(safe(connectorId)).resolve(table.fullName() + ".json");
    }

    private Path batchFile(String connectorId, String extractionId) {
        return dir.resolve("batches").resolve(safe(connectorId)).resolve(safe(extractionId) + ".json");
    }

    private static String safe(String name) {
        if (!SAFE.matcher(name).matches() || name.startsWith(".")) {
            throw new IllegalArgumentException("'" + name + "' cannot be used in a file name; use letters, digits or . _ : @ -");
        }
        return name;
    }

    private void write(Path file, JsonNode n) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".json");
            try {
                byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buf = ByteBuffer.wrap(bytes);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "FileCheckpointStore[" + dir + "]";
    }
}
