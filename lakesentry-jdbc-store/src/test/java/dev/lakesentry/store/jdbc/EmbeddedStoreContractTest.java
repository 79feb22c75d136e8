package dev.lakesentry.store.jdbc;

import dev.lakesentry.api.store.Store;
import dev.lakesentry.testkit.contract.StoreContract;
import java.util.UUID;
import org.junit.jupiter.api.Nested;

/** The store contract on the embedded default: H2 in memory, and H2 in file mode in a temporary directory. */
class EmbeddedStoreContractTest extends StoreContract {

    @Override
    protected Store createStore() {
        return JdbcStore.inMemory("contract-" + UUID.randomUUID());
    }

    @Override
    protected void dropStore(Store store) {
        store.close();
    }

    /** The same contract on an H2 file, as {@link JdbcStore#embedded} opens it. */
    @Nested
    class OnFile extends StoreContract {
        private final TempDirs dirs = new TempDirs();

        @Override
        protected Store createStore() {
            return JdbcStore.embedded(dirs.create());
        }

        @Override
        protected void dropStore(Store store) {
            store.close();
            dirs.deleteAll();
        }
    }
}
