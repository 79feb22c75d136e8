package dev.lakesentry.api.store;

import java.util.function.Function;

/**
 * A writer whose calls can be grouped into one transaction: everything {@code work} does through the
 * writer it is handed lands together, or, if it throws, none of it does. Outside such a block every
 * call of the writer is atomic on its own.
 *
 * @param <W> the writer type
 * @since 0.1.0
 */
public interface Transactional<W> {

    /**
     * Runs {@code work} in one transaction against a writer bound to it.
     *
     * @return what {@code work} returned
     * @throws dev.lakesentry.api.StoreException when the store fails; the transaction is rolled back
     */
    <T> T inTransaction(Function<? super W, ? extends T> work);
}
