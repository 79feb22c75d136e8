package dev.lakesentry.collector.checkpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileCheckpointStoreTest extends CheckpointStoreContract {
    @TempDir
    Path dir;

    @Override
    CheckpointStore store() {
        return new FileCheckpointStore(dir);
    }

    @Override
    CheckpointStore reopen() {
        return new FileCheckpointStore(dir);
    }

    @Override
    void damage(String connectorId, String extractionId) throws Exception {
        Path file = dir.resolve("batches").resolve(connectorId).resolve(extractionId + ".json");
        Files.writeString(file, Files.readString(file).replace("RUNNING", "STOPPED"));
    }
}
