package dev.lakesentry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sample runner ({@code samples/lakesentry-runner/target/lakesentry-runner.jar}) as a separate JVM, its
 * output in files under a log directory, so a test can wait for a log line and {@code kill -9} it.
 */
final class RunnerProcess {
    private static final AtomicInteger SEQ = new AtomicInteger();
    /** Environment variable the runner reads the PostgreSQL password from ({@code --jdbc-password-env}). */
    static final String PASSWORD_ENV = "LAKESENTRY_RELIABILITY_PG_PASSWORD";

    private final Process process;
    private final Path out;
    private final Path err;
    private final String name;

    private RunnerProcess(Process process, Path out, Path err, String name) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.name = name;
    }

    /** The runner jar: {@code -Dlakesentry.runner.jar}, else the runner module's target directory. */
    static Path jar() {
        String configured = System.getProperty("lakesentry.runner.jar");
        Path jar = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("..", "samples", "lakesentry-runner", "target", "lakesentry-runner.jar");
        assertThat(jar).as("the runner jar; package it first (mvn -q package -pl samples/lakesentry-runner -am -DskipTests)")
                .isRegularFile();
        return jar.toAbsolutePath().normalize();
    }

    /** Starts the runner with these arguments (global options included); output goes to {@code logDir}. */
    static RunnerProcess start(Path logDir, String name, List<String> args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        // Short-lived runs on a shared machine: C1 only starts and finishes them about twice as fast as C1 + C2.
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx768m", "-jar",
                jar().toString()));
        cmd.addAll(args);
        String tag = String.format("%03d-%s", SEQ.incrementAndGet(), name);
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve(tag + ".out");
            Path err = logDir.resolve(tag + ".err");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = pb.environment();
            env.put(PASSWORD_ENV, Stores.PG_PASSWORD);
            return new RunnerProcess(pb.start(), out, err, tag);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the runner: " + cmd, e);
        }
    }

    /** Runs the runner to its end (at most ten minutes). */
    static Result run(Path logDir, String name, List<String> args) {
        return start(logDir, name, args).await(Duration.ofMinutes(10));
    }

    /** Waits for the process to end. */
    Result await(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("Runner " + name + " did not finish within " + limit + "; stderr: " + err());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted waiting for runner " + name, e);
        }
        return new Result(process.exitValue(), out(), err());
    }

    /**
     * Waits until stdout or stderr holds {@code text} or the process ends.
     *
     * @return whether the text appeared
     */
    boolean awaitOutput(String text, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (out().contains(text) || err().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return out().contains(text) || err().contains(text);
            }
            pause(20);
        }
        return false;
    }

    /**
     * {@code kill -9}: SIGKILL, no shutdown hook, no finally block runs.
     *
     * @return whether the process was still running when killed
     */
    boolean killHard() {
        boolean alive = process.isAlive();
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted waiting for a killed runner", e);
        }
        return alive && process.exitValue() == 137;
    }

    /** SIGTERM: the runner's shutdown hook stops it cleanly. */
    Result stop(Duration limit) {
        process.destroy();
        return await(limit);
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls an outside process; nothing of ours to wait on instead. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    /** What a finished runner left. */
    record Result(int exitCode, String out, String err) {
        Result assertOk() {
            assertThat(exitCode).as("runner exit code; stderr:%n%s", err).isZero();
            return this;
        }
    }
}
