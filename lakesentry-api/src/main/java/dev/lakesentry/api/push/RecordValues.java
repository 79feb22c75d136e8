package dev.lakesentry.api.push;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The top-level values of a {@link SourceRecord}: an unmodifiable map in the producer's order that remembers
 * its canonical JSON once written. Ingestion writes it for the push's checksum and the store again as the raw
 * row's original JSON; with the text kept, the second is free. The values never change, so neither does the
 * text; the field is set without a lock (a racing thread at worst writes the same text again).
 */
final class RecordValues extends AbstractMap<String, Object> {
    private final Map<String, Object> values;
    private String canonicalJson;

    RecordValues(Map<String, Object> copied) {
        this.values = Collections.unmodifiableMap(copied);
    }

    /** The canonical JSON text of these values (see {@link CanonicalRecords}). */
    String canonicalJson() {
        String text = canonicalJson;
        if (text == null) {
            text = CanonicalRecords.write(values);
            canonicalJson = text;
        }
        return text;
    }

    @Override
    public Object get(Object key) {
        return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return values.entrySet();
    }

    @Override
    public Set<String> keySet() {
        return values.keySet();
    }

    @Override
    public Collection<Object> values() {
        return values.values();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        values.forEach(action);
    }
}
