package dev.lakesentry.store.jdbc.ingest;

import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.SourceRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;

/**
 * The typed rows of one push, converted in blocks. A small push is converted at once on the caller's thread,
 * before any database work; a large one is converted block by block by one task in the common fork-join
 * pool, so the caller streams block {@code k} to the database while later blocks are still being converted
 * (the conversion and the database's own work then overlap instead of taking turns). Blocks are handed out
 * in record order; the first conversion failure, in record order, is rethrown as it was thrown.
 */
final class RowBlocks {
    /** Pushes at least this large are converted in the background. */
    static final int PIPELINE_THRESHOLD = 2_000;
    /** Rows per background block: large enough to amortise the hand-off, small enough to start sending soon. */
    static final int BLOCK_ROWS = 1_000;

    static final RowBlocks NONE = new RowBlocks(0, List.of());

    private final int rows;
    private final List<CompletableFuture<List<Object[]>>> blocks;

    private RowBlocks(int rows, List<CompletableFuture<List<Object[]>>> blocks) {
        this.rows = rows;
        this.blocks = blocks;
    }

    static <S> RowBlocks start(PushEnvelope envelope, S statements, BlockConverter<S> converter) {
        List<SourceRecord> records = envelope.records();
        int n = records.size();
        if (n < PIPELINE_THRESHOLD) {
            // Converted now, so a bad value refuses the push before a connection is even taken.
            return new RowBlocks(n, List.of(CompletableFuture.completedFuture(convert(envelope, statements, converter, 0, n))));
        }
        int count = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
        List<CompletableFuture<List<Object[]>>> futures = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            futures.add(new CompletableFuture<>());
        }
        // One task converts the blocks in order and completes each as it is done: a single hand-off per push
        // (waking a pool thread per block cost milliseconds each on small virtual machines).
        ForkJoinPool.commonPool().execute(() -> {
            for (int k = 0; k < count; k++) {
                CompletableFuture<List<Object[]>> block = futures.get(k);
                if (block.isDone()) {
                    return; // cancelled: the transaction is over
                }
                try {
                    block.complete(convert(envelope, statements, converter, k * BLOCK_ROWS,
                            Math.min(n, (k + 1) * BLOCK_ROWS)));
                } catch (RuntimeException | Error e) {
                    // The reader stops at the first failed block, in record order, so later ones are never read.
                    block.completeExceptionally(e);
                    return;
                }
            }
        });
        return new RowBlocks(n, futures);
    }

    private static <S> List<Object[]> convert(PushEnvelope envelope, S statements, BlockConverter<S> converter,
                                              int from, int to) {
        List<SourceRecord> records = envelope.records();
        List<Object[]> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(converter.row(envelope, statements, i, records.get(i).values()));
        }
        return out;
    }

    /** How many rows the push appends. */
    int rows() {
        return rows;
    }

    /** The blocks in record order, each row's extraction sequence (column 2) set to {@code seq}. */
    Iterator<List<Object[]>> inOrder(long seq) {
        Iterator<CompletableFuture<List<Object[]>>> it = blocks.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public List<Object[]> next() {
                if (!it.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Object[]> block = join(it.next());
                for (Object[] row : block) {
                    row[2] = seq;
                }
                return block;
            }
        };
    }

    private static List<Object[]> join(CompletableFuture<List<Object[]>> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Stops conversions that have not started; called once the transaction is over, whatever its outcome. */
    void cancel() {
        for (CompletableFuture<List<Object[]>> f : blocks) {
            f.cancel(false);
        }
    }

    /** Converts one record to a row. */
    @FunctionalInterface
    interface BlockConverter<S> {
        Object[] row(PushEnvelope envelope, S statements, int index, Map<String, Object> values);
    }
}
