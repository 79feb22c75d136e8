package dev.lakesentry.archfixtures.api.internal;

/** An internal helper of the fixture API module. */
public final class Helper {
    private Helper() {
    }

    public static String help() {
        return "help";
    }
}
