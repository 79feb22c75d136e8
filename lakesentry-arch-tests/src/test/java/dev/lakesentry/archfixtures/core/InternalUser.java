package dev.lakesentry.archfixtures.core;

import dev.lakesentry.archfixtures.api.internal.Helper;

/** Breaks "internal is private to its module": core uses the API's internal package. */
public class InternalUser {
    public String use() {
        return Helper.help();
    }
}
