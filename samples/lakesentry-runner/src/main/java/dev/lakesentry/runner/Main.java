package dev.lakesentry.runner;

import dev.lakesentry.runner.support.RunnerException;
import dev.lakesentry.runner.support.Session;
import java.time.Clock;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The runner's entry point: {@code java -jar lakesentry-runner.jar <command> [options]}. Errors are one
 * line on stderr and a non-zero exit code: 2 for a bad command line, 1 for a failure while running.
 */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--verbose")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.dev.lakesentry.core.schedule.StageRunner", "info");
        }
        System.exit(commandLine(Clock.systemUTC()).execute(args));
    }

    /** The command line with the runner's error handling, on the given clock (tests inject one). */
    public static CommandLine commandLine(Clock clock) {
        CommandLine cl = new CommandLine(new LakeSentryCli(clock));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + Session.oneLine(ex.getMessage()).replaceFirst("^Error: ", "") + " (see '" + c.getCommandSpec().qualifiedName()
                    + " --help')");
            c.getErr().flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            boolean verbose = Arrays.asList(parsed.originalArgs().toArray(String[]::new)).contains("--verbose");
            String message = ex instanceof RunnerException ? ex.getMessage()
                    : ex instanceof dev.lakesentry.api.LakeSentryException ? Session.oneLine(ex.getMessage())
                    : "unexpected " + ex.getClass().getSimpleName() + ": " + Session.oneLine(ex.getMessage())
                    + " (run again with --verbose for the stack trace)";
            c.getErr().println("error: " + message);
            if (verbose) {
                ex.printStackTrace(c.getErr());
            }
            c.getErr().flush();
            return 1;
        });
        return cl;
    }
}
