package dev.lakesentry.runner.support;

import dev.lakesentry.api.LakeSentryException;
import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.core.analysis.RuleFiles;
import dev.lakesentry.core.analysis.RuleSet;
import dev.lakesentry.store.jdbc.JdbcStore;
import dev.lakesentry.store.jdbc.JdbcStoreConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An open store and the pipeline over it, built from the global options: the embedded H2 store in the
 * data directory (or the store at {@code --jdbc-url}), the built-in plugins plus those in
 * {@code --plugins DIR}, and the attribution rules. Closing it closes the pipeline, the store and the
 * plugin class loader.
 */
public final class Session implements AutoCloseable {
    /** The runner's default attribution rules, a resource of the runner jar. */
    public static final String DEFAULT_RULES = "lakesentry-default-rules.yaml";

    private final Globals globals;
    private final Path dataDir;
    private final JdbcStore store;
    private final LakeSentry lakeSentry;
    private final URLClassLoader pluginLoader;
    private final StageRuns stageRuns;

    private Session(Globals globals, Path dataDir, JdbcStore store, LakeSentry lakeSentry, URLClassLoader pluginLoader) {
        this.globals = globals;
        this.dataDir = dataDir;
        this.store = store;
        this.lakeSentry = lakeSentry;
        this.pluginLoader = pluginLoader;
        this.stageRuns = new StageRuns(dataDir.resolve("stage-runs.json"), store.describe());
    }

    /** Opens the store of the global options (the embedded store in {@code dataDir}). */
    public static Session open(Globals globals, Path dataDir, Clock clock) {
        return open(globals, dataDir, clock, b -> { });
    }

    /** Opens the store, letting the command add to the pipeline's builder (execution settings, for example). */
    public static Session open(Globals globals, Path dataDir, Clock clock, java.util.function.Consumer<LakeSentry.Builder> extra) {
        URLClassLoader loader = pluginLoader(globals.pluginsDir());
        RuleSet rules = rules(globals.rules());
        JdbcStore store = openStore(globals, dataDir);
        try {
            LakeSentry.Builder builder = LakeSentry.builder().store(store).clock(clock).attributionRules(rules)
                    .discoverPlugins(loader != null ? loader : Session.class.getClassLoader());
            pluginSettings(globals.pluginSettings()).forEach(builder::pluginConfig);
            if (globals.planMaxAge() != null) {
                builder.planMaxAge(globals.planMaxAge());
            }
            extra.accept(builder);
            return new Session(globals, dataDir, store, builder.build(), loader);
        } catch (RuntimeException e) {
            store.close();
            closeQuietly(loader);
            throw e;
        }
    }

    private static JdbcStore openStore(Globals globals, Path dataDir) {
        if (globals.jdbcUrl() == null) {
            if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
                throw new RunnerException("--data-dir is not a directory", dataDir, "give a directory for the embedded store");
            }
            try {
                return JdbcStore.embedded(dataDir);
            } catch (LakeSentryException e) {
                throw new RunnerException("Cannot open the embedded store in", dataDir, oneLine(e.getMessage())
                        + " (is another runner using it? only one process can open an embedded store)", e);
            }
        }
        if (!globals.jdbcUrl().startsWith("jdbc:")) {
            throw new RunnerException("--jdbc-url is not a JDBC URL", globals.jdbcUrl(),
                    "use e.g. jdbc:postgresql://host/db or jdbc:h2:file:/path/lakesentry");
        }
        JdbcStoreConfig.Builder config = JdbcStoreConfig.builder(globals.jdbcUrl());
        if (globals.jdbcUser() != null) {
            config.user(globals.jdbcUser());
        }
        if (globals.jdbcPasswordEnv() != null) {
            String password = System.getenv(globals.jdbcPasswordEnv());
            if (password == null) {
                throw new RunnerException("--jdbc-password-env names an unset environment variable",
                        globals.jdbcPasswordEnv(), "export it with the store's password, or drop the option");
            }
            config.password(password);
        }
        return JdbcStore.connect(config.build());
    }

    private static URLClassLoader pluginLoader(Path dir) {
        if (dir == null) {
            return null;
        }
        if (!Files.isDirectory(dir)) {
            throw new RunnerException("--plugins is not a directory", dir, "give a directory holding plugin jars");
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(p.toUri().toURL());
            }
        } catch (IOException e) {
            throw new RunnerException("Cannot list the --plugins directory", dir, e.getMessage(), e);
        }
        if (jars.isEmpty()) {
            throw new RunnerException("--plugins directory has no .jar file", dir,
                    "put plugin jars there (e.g. samples/custom-detector/target after mvn package)");
        }
        return new URLClassLoader("lakesentry-plugins", jars.toArray(URL[]::new), Session.class.getClassLoader());
    }

    private static RuleSet rules(Path file) {
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new RunnerException("--rules file does not exist", file, "give a .yaml or .json rules file");
            }
            return RuleFiles.load(file);
        }
        try (InputStream in = Session.class.getClassLoader().getResourceAsStream(DEFAULT_RULES)) {
            if (in == null) {
                throw new IllegalStateException("The runner jar lacks its resource " + DEFAULT_RULES);
            }
            Path tmp = Files.createTempFile("lakesentry-rules", ".yaml");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                return RuleFiles.load(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the runner's default rules", e);
        }
    }

    private static Map<String, Map<String, String>> pluginSettings(List<String> settings) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String s : settings) {
            int colon = s.indexOf(':');
            int eq = s.indexOf('=', Math.max(colon, 0));
            if (colon <= 0 || eq <= colon + 1) {
                throw new RunnerException("--plugin-setting must read ID:KEY=VALUE, was", s,
                        "write e.g. com.example.untagged-spend:threshold=50");
            }
            out.computeIfAbsent(s.substring(0, colon), k -> new LinkedHashMap<>())
                    .put(s.substring(colon + 1, eq), s.substring(eq + 1));
        }
        return out;
    }

    /** The pipeline. */
    public LakeSentry lakeSentry() {
        return lakeSentry;
    }

    /** The store. */
    public JdbcStore store() {
        return store;
    }

    /** The data directory (the embedded store, the stage-run log). */
    public Path dataDir() {
        return dataDir;
    }

    /** The last run of each stage, kept by the runner. */
    public StageRuns stageRuns() {
        return stageRuns;
    }

    /**
     * The account to work on: {@code --account}, or the store's only account.
     *
     * @throws RunnerException when the store is empty or holds several accounts and none was chosen
     */
    public String account() {
        List<String> accounts = store.rawReader().accounts();
        if (globals.account() != null) {
            if (!accounts.contains(globals.account())) {
                throw new RunnerException("--account is not in the store", globals.account(),
                        accounts.isEmpty() ? "load data first (demo, import DIR or collect)" : "choose one of " + accounts);
            }
            return globals.account();
        }
        if (accounts.isEmpty()) {
            throw new RunnerException("The store has no data", store.describe(),
                    "run 'demo', 'import DIR' or 'collect' first, or point --data-dir/--jdbc-url at a store with data");
        }
        if (accounts.size() > 1) {
            throw new RunnerException("The store holds several accounts", String.join(", ", accounts),
                    "choose one with --account ID");
        }
        return accounts.get(0);
    }

    /** Collapses a multi-line library message to one line. */
    public static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", "; ").trim();
    }

    @Override
    public void close() {
        try {
            lakeSentry.close();
        } finally {
            store.close();
            closeQuietly(pluginLoader);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                // nothing left to do: the jars stay mapped until exit
            }
        }
    }
}
