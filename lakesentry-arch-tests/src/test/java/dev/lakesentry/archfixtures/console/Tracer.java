package dev.lakesentry.archfixtures.console;

/** Breaks "no console output": prints a stack trace. */
public class Tracer {
    public void trace(Exception e) {
        e.printStackTrace();
    }
}
