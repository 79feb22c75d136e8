package dev.lakesentry.runner.command;

import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.http.IngestionEndpoint;
import dev.lakesentry.runner.support.PipelineRun;
import dev.lakesentry.runner.support.RunnerException;
import dev.lakesentry.runner.support.Session;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The HTTP ingestion endpoint, with the pipeline run for every account on a schedule until the process
 * is stopped (Ctrl-C) or {@code --run-for} has passed.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the HTTP ingestion endpoint (POST /api/v1/ingest, GET /api/v1/status) and runs transformation "
                + "and analysis of every account on a schedule, until stopped with Ctrl-C.",
            "Collectors authenticate with a token from 'token create'."})
public final class ServeCommand extends RunnerCommand {
    @Option(names = "--port", defaultValue = "8080", description = "The port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "The address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--interval", defaultValue = "PT5M", paramLabel = "DURATION",
            description = "Time between pipeline runs, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--run-for", paramLabel = "DURATION", description = "Stop after this long (ISO-8601, e.g. PT1H); default: until Ctrl-C.")
    Duration runFor;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new RunnerException("--port must be 0 to 65535, was", port, "choose a free port such as 8080");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new RunnerException("--interval must be positive, was", interval, "use e.g. PT5M");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new RunnerException("--bind is not an address", bind, "use 127.0.0.1 or 0.0.0.0", e);
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (Session session = open()) {
            LakeSentry ls = session.lakeSentry();
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "lakesentry-pipeline");
                t.setDaemon(true);
                return t;
            });
            try (IngestionEndpoint endpoint = startEndpoint(ls, address)) {
                out().printf(Locale.ROOT, "Listening on %s (POST /api/v1/ingest, GET /api/v1/status); pipeline every %s. Ctrl-C stops.%n",
                        endpoint.uri(), interval);
                out().flush();
                scheduler.scheduleWithFixedDelay(() -> runAll(session), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
                Thread hook = new Thread(stop::countDown, "lakesentry-serve-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    if (runFor != null) {
                        stop.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
                    } else {
                        stop.await();
                    }
                } finally {
                    removeHook(hook);
                }
            } finally {
                scheduler.shutdown();
                scheduler.awaitTermination(1, TimeUnit.MINUTES);
            }
            out().println("Stopped.");
            out().flush();
        }
        return 0;
    }

    private IngestionEndpoint startEndpoint(LakeSentry ls, InetAddress address) {
        try {
            return IngestionEndpoint.builder().sink(ls.ingestion()).tokens(ls.tokens()).health(ls.connectorHealth())
                    .address(address).port(port).start();
        } catch (java.io.UncheckedIOException e) {
            throw new RunnerException("Cannot listen on port", port, "choose another --port (" + e.getMessage() + ")", e);
        }
    }

    private void runAll(Session session) {
        for (String account : session.store().rawReader().accounts()) {
            try {
                LakeSentry.PipelineReport r = PipelineRun.run(session, account, false, clock());
                out().printf(Locale.ROOT, "%s pipeline for %s: %s, %d insight(s), %d plan(s)%n", Instant.now(clock()), account,
                        r.transformation().outcome(), r.detection().insights().size(), r.plans().size());
            } catch (RuntimeException e) {
                err().printf(Locale.ROOT, "%s pipeline for %s failed: %s%n", Instant.now(clock()), account, Session.oneLine(e.getMessage()));
                err().flush();
            }
            out().flush();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook has run
        }
    }
}
