package dev.lakesentry.runner.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lakesentry.runner.support.Globals;
import dev.lakesentry.runner.support.ClockSource;
import dev.lakesentry.runner.support.RunnerException;
import dev.lakesentry.runner.support.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the global options, the output streams, the clock and the store session. */
abstract class RunnerCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    Globals globals() {
        return Globals.of(spec);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Clock clock() {
        return ((ClockSource) spec.root().userObject()).clock();
    }

    /** Opens the store of the global options. */
    Session open() {
        return Session.open(globals(), globals().dataDirOrDefault(), clock());
    }

    /** Whether stderr is a terminal (progress redraws in place). */
    boolean terminal() {
        return System.console() != null;
    }

    /** Writes text to a file, creating its directory. */
    static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunnerException("Cannot write", file, "check that its directory is writable (" + e.getMessage() + ")", e);
        }
    }

    /** Prints a value as JSON. */
    void printJson(Object value) {
        try {
            out().println(JSON.writeValueAsString(value));
            out().flush();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
        }
    }
}
