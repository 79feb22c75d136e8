package dev.lakesentry.collector;

import dev.lakesentry.api.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a secret (the Databricks token) comes from: an environment variable, a file, or a value the host
 * already holds. It is read only when the collector starts; {@link #toString()} names the source, never
 * the secret.
 *
 * @param kind      where it comes from
 * @param reference the variable name, the file path, or the value itself for {@link Kind#VALUE}
 * @since 0.1.0
 */
public record Secret(Kind kind, String reference) {

    /** Where a secret comes from. */
    public enum Kind {
        /** An environment variable, by name. */
        ENV,
        /** A file holding the secret (surrounding white space is ignored). */
        FILE,
        /** The secret itself, handed over by an embedding host. */
        VALUE
    }

    public Secret {
        Objects.requireNonNull(kind, "kind");
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("A secret's " + (kind == Kind.ENV ? "variable name"
                    : kind == Kind.FILE ? "file path" : "value") + " must not be blank");
        }
    }

    /** The secret in this environment variable. */
    public static Secret env(String variable) {
        return new Secret(Kind.ENV, variable);
    }

    /** The secret in this file. */
    public static Secret file(Path path) {
        return new Secret(Kind.FILE, path.toString());
    }

    /** A secret the host already holds. */
    public static Secret value(String secret) {
        return new Secret(Kind.VALUE, secret);
    }

    /**
     * Reads the secret.
     *
     * @param environment how environment variables are looked up (normally {@code System::getenv})
     * @throws ConfigurationException naming the variable or file (never the secret) when it is missing or empty
     */
    public String resolve(Function<String, String> environment) {
        String value;
        switch (kind) {
            case ENV -> {
                value = environment.apply(reference);
                if (value == null || value.isBlank()) {
                    throw new ConfigurationException("The token's environment variable " + reference + " is not set");
                }
            }
            case FILE -> {
                try {
                    value = Files.readString(Path.of(reference), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new ConfigurationException("The token file " + reference + " cannot be read: "
                            + e.getClass().getSimpleName(), e);
                }
                if (value.isBlank()) {
                    throw new ConfigurationException("The token file " + reference + " is empty");
                }
            }
            default -> value = reference;
        }
        return value.strip();
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ENV -> "Secret[env:" + reference + "]";
            case FILE -> "Secret[file:" + reference + "]";
            case VALUE -> "Secret[****]";
        };
    }
}
