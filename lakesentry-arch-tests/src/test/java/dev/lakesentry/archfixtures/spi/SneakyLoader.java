package dev.lakesentry.archfixtures.spi;

import java.util.ServiceLoader;

/** Breaks "only the registry uses ServiceLoader". */
public class SneakyLoader {
    public long count() {
        return ServiceLoader.load(Runnable.class).stream().count();
    }
}
