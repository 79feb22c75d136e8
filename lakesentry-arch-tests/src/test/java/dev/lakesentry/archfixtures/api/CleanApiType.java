package dev.lakesentry.archfixtures.api;

import java.util.List;

/** Follows every rule. */
public record CleanApiType(List<String> values) {
}
