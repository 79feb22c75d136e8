package dev.lakesentry.archfixtures.core;

/** A core class. */
public class CoreThing {
}
