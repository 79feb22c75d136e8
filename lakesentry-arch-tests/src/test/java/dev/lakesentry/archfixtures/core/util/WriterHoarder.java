package dev.lakesentry.archfixtures.core.util;

import dev.lakesentry.api.store.MetricsWriter;

/** Breaks "only stages and the composition root touch writers": a utility holding a writer. */
public class WriterHoarder {
    private MetricsWriter writer;

    public void keep(MetricsWriter writer) {
        this.writer = writer;
    }

    public MetricsWriter writer() {
        return writer;
    }
}
