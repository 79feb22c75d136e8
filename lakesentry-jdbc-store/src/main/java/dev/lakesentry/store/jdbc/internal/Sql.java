package dev.lakesentry.store.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Not API. Loads the SQL statements kept as {@code .sql} resources next to each stage package: for a
 * statement {@code name} in the package of {@code anchor}, the dialect's variant {@code name.<dialect>.sql}
 * if present, else {@code name.sql}. Comment lines ({@code --}) and a trailing semicolon are dropped.
 */
public final class Sql {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Sql() {
    }

    /** The statement, or an {@link IllegalStateException} naming the missing file. */
    public static String load(Class<?> anchor, String name, Dialect dialect) {
        String dir = anchor.getPackageName().replace('.', '/');
        String variant = dir + "/" + name + "." + dialect.id() + ".sql";
        String plain = dir + "/" + name + ".sql";
        return CACHE.computeIfAbsent(variant + "|" + plain, k -> {
            String text = read(variant);
            if (text == null) {
                text = read(plain);
            }
            if (text == null) {
                throw new IllegalStateException("SQL resource " + plain + " (or " + variant + ") is missing");
            }
            return strip(text);
        });
    }

    /** The plain {@code name.sql}, whatever the dialect. */
    public static String loadPlain(Class<?> anchor, String name) {
        String path = anchor.getPackageName().replace('.', '/') + "/" + name + ".sql";
        String text = read(path);
        if (text == null) {
            throw new IllegalStateException("SQL resource " + path + " is missing");
        }
        return strip(text);
    }

    /** The statement of a variant file only, or null when the dialect has none. */
    public static String loadVariant(Class<?> anchor, String name, Dialect dialect) {
        String path = anchor.getPackageName().replace('.', '/') + "/" + name + "." + dialect.id() + ".sql";
        String text = read(path);
        return text == null ? null : strip(text);
    }

    /** The text without comment lines, blank lines or a trailing semicolon. */
    public static String strip(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line.stripTrailing());
        }
        String s = sb.toString().strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).stripTrailing() : s;
    }

    private static String read(String path) {
        try (InputStream in = Sql.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read SQL resource " + path, e);
        }
    }
}
