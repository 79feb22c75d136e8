package dev.lakesentry.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One run of the demo (default size, with the sample plugin from a plugin directory) shared by the
 * test classes of this JVM: the demo is the slowest thing the tests do.
 */
final class DemoRun {
    private static DemoRun instance;

    final Path dir;
    final Path data;
    final Path plugins;
    final Path report;
    final Cli.Result result;

    private DemoRun() throws IOException {
        dir = Files.createTempDirectory("lakesentry-runner-demo");
        plugins = PluginJar.build(dir.resolve("plugin-build"));
        data = dir.resolve("store");
        report = dir.resolve("report.html");
        result = Cli.run("--data-dir", data.toString(), "--plugins", plugins.toString(), "demo", "--report", report.toString());
    }

    static synchronized DemoRun get() {
        if (instance == null) {
            try {
                instance = new DemoRun();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** Runs a command on the demo's store, with the plugin directory. */
    Cli.Result run(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--data-dir";
        all[1] = data.toString();
        all[2] = "--plugins";
        all[3] = plugins.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return Cli.run(all);
    }
}
