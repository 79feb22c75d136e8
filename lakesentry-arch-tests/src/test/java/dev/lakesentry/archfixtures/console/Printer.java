package dev.lakesentry.archfixtures.console;

/** Breaks "no console output": prints to System.out. */
public class Printer {
    public void print(String s) {
        System.out.println(s);
    }
}
