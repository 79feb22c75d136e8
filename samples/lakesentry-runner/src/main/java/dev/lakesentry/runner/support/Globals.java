package dev.lakesentry.runner.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The global options as given on the command line, wherever they appeared (before or after the
 * command name: they are inherited by every command).
 *
 * @param jdbcUrl         the store's JDBC URL, or {@code null} for the embedded store
 * @param jdbcUser        the JDBC user, or {@code null}
 * @param jdbcPasswordEnv the environment variable holding the JDBC password, or {@code null}
 * @param dataDir         the embedded store's directory (and the runner's own files), or {@code null} for the default
 * @param pluginsDir      a directory of extra plugin jars, or {@code null}
 * @param pluginSettings  plugin settings as {@code ID:KEY=VALUE}
 * @param rules           an attribution rules file, or {@code null} for the runner's default rules
 * @param account         the account to work on, or {@code null} for the store's only account
 * @param verbose         whether library logs (INFO) and stack traces are shown
 * @param planMaxAge      how old a plan may be before it expires, or {@code null} for the library's default
 */
public record Globals(String jdbcUrl, String jdbcUser, String jdbcPasswordEnv, Path dataDir, Path pluginsDir,
                      List<String> pluginSettings, Path rules, String account, boolean verbose, Duration planMaxAge) {

    /** The default data directory: {@code ~/.lakesentry}. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".lakesentry");
    }

    /** The data directory in use: {@code --data-dir}, or {@code ~/.lakesentry}. */
    public Path dataDirOrDefault() {
        return dataDir != null ? dataDir : defaultDataDir();
    }

    /** Reads the global options of a command (and of its parents). */
    public static Globals of(CommandSpec spec) {
        List<String> settings = value(spec, "--plugin-setting");
        Boolean verbose = value(spec, "--verbose");
        return new Globals(value(spec, "--jdbc-url"), value(spec, "--jdbc-user"), value(spec, "--jdbc-password-env"),
                value(spec, "--data-dir"), value(spec, "--plugins"), settings == null ? List.of() : List.copyOf(settings),
                value(spec, "--rules"), value(spec, "--account"), verbose != null && verbose, value(spec, "--plan-max-age"));
    }

    @SuppressWarnings("unchecked")
    private static <T> T value(CommandSpec spec, String name) {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            OptionSpec o = s.findOption(name);
            if (o == null) {
                continue;
            }
            Object v = o.getValue();
            if (v instanceof List<?> l && l.isEmpty()) {
                continue;
            }
            if (v != null && !Boolean.FALSE.equals(v)) {
                return (T) v;
            }
        }
        return null;
    }
}
