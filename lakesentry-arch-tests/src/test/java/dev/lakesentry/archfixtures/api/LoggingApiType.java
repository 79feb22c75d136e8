package dev.lakesentry.archfixtures.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Breaks "the API depends on the JDK only": a third-party type in the API. */
public class LoggingApiType {
    public Logger logger() {
        return LoggerFactory.getLogger(LoggingApiType.class);
    }
}
