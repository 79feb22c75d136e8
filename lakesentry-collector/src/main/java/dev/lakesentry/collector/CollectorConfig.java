package dev.lakesentry.collector;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.push.ExtractionMode;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.TableScope;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The configuration of one connector (one Databricks region). Built with {@link #builder()} or read from
 * flat keys with {@link #fromProperties(Map)}; either way every bad key is reported at once in one
 * {@link ConfigurationException}. {@link #toString()} never shows the token.
 *
 * @param host             the workspace URL, e.g. {@code https://dbc-1234.cloud.databricks.com}
 * @param token            where the Databricks token comes from
 * @param warehouseId      the SQL warehouse that runs the queries
 * @param connectorId      this connector's id (letters, digits, {@code . _ : @ -})
 * @param accountId        the Databricks account id
 * @param primary          whether this connector also collects the account-wide tables
 * @param tables           the tables this connector collects, resolved from include, skip and primary
 * @param schedule         the interval between scheduled runs
 * @param overlaps         per incremental table, how far behind its checkpoint each read starts again
 * @param batchSize        the most records in one push
 * @param stateDirectory   where checkpoints, saved batches (file store) and the status file live
 * @param waitTimeout      the statement's {@code wait_timeout} (0 or 5 to 50 seconds)
 * @param pollInterval     the wait between polls of a running statement
 * @param statementTimeout how long one statement may run before it is cancelled
 * @param httpTimeout      the SDK's HTTP timeout
 * @since 0.1.0
 */
public record CollectorConfig(
        String host,
        Secret token,
        String warehouseId,
        String connectorId,
        String accountId,
        boolean primary,
        Set<SystemTable> tables,
        Duration schedule,
        Map<SystemTable, Duration> overlaps,
        int batchSize,
        Path stateDirectory,
        Duration waitTimeout,
        Duration pollInterval,
        Duration statementTimeout,
        Duration httpTimeout) {

    /** Default interval between scheduled runs. */
    public static final Duration DEFAULT_SCHEDULE = Duration.ofMinutes(15);
    /** Default most records per push. */
    public static final int DEFAULT_BATCH_SIZE = 5_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    public CollectorConfig {
        tables = Collections.unmodifiableSet(EnumSet.copyOf(tables.isEmpty() ? EnumSet.noneOf(SystemTable.class) : tables));
        overlaps = Collections.unmodifiableMap(new EnumMap<>(overlaps.isEmpty() ? new EnumMap<>(SystemTable.class) : overlaps));
    }

    /** The default overlap of a table: billing 3 days, SCD tables 1 hour, timelines, events and queries 4 hours. */
    public static Duration defaultOverlap(SystemTable table) {
        return switch (table) {
            case BILLING_USAGE -> Duration.ofDays(3);
            case CLUSTERS, WAREHOUSES, JOBS, PIPELINES, SERVED_ENTITIES -> Duration.ofHours(1);
            case LIST_PRICES, NODE_TYPES, WORKSPACES_LATEST -> Duration.ZERO;
            default -> Duration.ofHours(4);
        };
    }

    /** The overlap of an incremental table; zero for snapshots. */
    public Duration overlap(SystemTable table) {
        return overlaps.getOrDefault(table, Duration.ZERO);
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a configuration from flat keys (a properties file, environment-derived settings):
     * {@code host}, {@code token.env} or {@code token.file}, {@code warehouse-id}, {@code connector-id},
     * {@code account-id}, {@code primary}, {@code tables.include}, {@code tables.skip} (comma-separated full
     * names such as {@code system.billing.usage}), {@code schedule}, {@code overlap.<full table name>},
     * {@code batch-size}, {@code state-dir}, {@code wait-timeout}, {@code poll-interval},
     * {@code statement-timeout}, {@code http-timeout}. Durations are ISO-8601 ({@code PT15M}) or
     * {@code 500ms}, {@code 30s}, {@code 15m}, {@code 4h}, {@code 3d}.
     *
     * @throws ConfigurationException listing every unknown key and every value that does not parse or fit
     */
    public static CollectorConfig fromProperties(Map<String, String> properties) {
        Builder b = builder();
        List<String> problems = b.problems;
        Map<String, String> p = new HashMap<>(properties);
        take(p, "host").ifPresent(b::host);
        Optional<String> env = take(p, "token.env");
        Optional<String> file = take(p, "token.file");
        if (env.isPresent() && file.isPresent()) {
            problems.add("token.env and token.file: give only one");
        }
        env.filter(v -> !v.isBlank()).ifPresent(v -> b.token(Secret.env(v)));
        file.filter(v -> !v.isBlank()).ifPresent(v -> b.token(Secret.file(Path.of(v))));
        take(p, "warehouse-id").ifPresent(b::warehouseId);
        take(p, "connector-id").ifPresent(b::connectorId);
        take(p, "account-id").ifPresent(b::accountId);
        take(p, "primary").ifPresent(v -> {
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                b.primary(Boolean.parseBoolean(v));
            } else {
                problems.add("primary: '" + v + "' is not true or false");
            }
        });
        take(p, "tables.include").ifPresent(v -> b.include(tables("tables.include", v, problems)));
        take(p, "tables.skip").ifPresent(v -> b.skip(tables("tables.skip", v, problems)));
        take(p, "schedule").flatMap(v -> duration("schedule", v, problems)).ifPresent(b::schedule);
        take(p, "batch-size").ifPresent(v -> {
            try {
                b.batchSize(Integer.parseInt(v.trim()));
            } catch (NumberFormatException e) {
                problems.add("batch-size: '" + v + "' is not a whole number");
            }
        });
        take(p, "state-dir").ifPresent(v -> b.stateDirectory(Path.of(v)));
        take(p, "wait-timeout").flatMap(v -> duration("wait-timeout", v, problems)).ifPresent(b::waitTimeout);
        take(p, "poll-interval").flatMap(v -> duration("poll-interval", v, problems)).ifPresent(b::pollInterval);
        take(p, "statement-timeout").flatMap(v -> duration("statement-timeout", v, problems)).ifPresent(b::statementTimeout);
        take(p, "http-timeout").flatMap(v -> duration("http-timeout", v, problems)).ifPresent(b::httpTimeout);
        for (String key : new TreeSet<>(p.keySet())) {
            if (key.startsWith("overlap.")) {
                String name = key.substring("overlap.".length());
                Optional<SystemTable> table = table(name);
                if (table.isEmpty()) {
                    problems.add(key + ": '" + name + "' is not a system table LakeSentry reads");
                } else {
                    duration(key, p.get(key), problems).ifPresent(d -> b.overlap(table.get(), d));
                }
            } else {
                problems.add(key + ": unknown key");
            }
        }
        return b.build();
    }

    /**
     * Checks the connectors of one deployment together: connector ids are unique and, per account, exactly
     * one connector is primary (the account-wide tables are collected once).
     *
     * @throws ConfigurationException listing every problem
     */
    public static void checkFleet(Collection<CollectorConfig> connectors) {
        List<String> problems = new ArrayList<>();
        Map<String, Long> ids = connectors.stream().collect(Collectors.groupingBy(CollectorConfig::connectorId,
                Collectors.counting()));
        ids.forEach((id, n) -> {
            if (n > 1) {
                problems.add("connector-id '" + id + "' is used by " + n + " connectors");
            }
        });
        Map<String, List<CollectorConfig>> byAccount = connectors.stream()
                .collect(Collectors.groupingBy(CollectorConfig::accountId));
        byAccount.forEach((account, list) -> {
            List<String> primaries = list.stream().filter(CollectorConfig::primary).map(CollectorConfig::connectorId).toList();
            if (primaries.size() != 1) {
                problems.add("account '" + account + "' has " + primaries.size() + " primary connectors " + primaries
                        + "; exactly one must be primary to collect the account-wide tables");
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Collector connectors have " + problems.size() + " problem(s): "
                    + String.join("; ", problems));
        }
    }

    private static Optional<String> take(Map<String, String> p, String key) {
        return Optional.ofNullable(p.remove(key)).map(String::trim);
    }

    private static Set<SystemTable> tables(String key, String value, List<String> problems) {
        Set<SystemTable> out = new LinkedHashSet<>();
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            table(name.trim()).ifPresentOrElse(out::add,
                    () -> problems.add(key + ": '" + name.trim() + "' is not a system table LakeSentry reads"));
        }
        return out;
    }

    private static Optional<SystemTable> table(String name) {
        Optional<SystemTable> byName = SystemTable.byFullName(name);
        if (byName.isPresent()) {
            return byName;
        }
        return Arrays.stream(SystemTable.values()).filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    static Optional<Duration> duration(String key, String value, List<String> problems) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE_DURATION.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        try {
            return Optional.of(Duration.parse(value.trim()));
        } catch (DateTimeParseException e) {
            problems.add(key + ": '" + value + "' is not a duration; use PT15M, 500ms, 30s, 15m, 4h or 3d");
            return Optional.empty();
        }
    }

    /** Builds a {@link CollectorConfig}; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private final List<String> problems = new ArrayList<>();
        private String host;
        private Secret token;
        private String warehouseId;
        private String connectorId;
        private String accountId;
        private boolean primary;
        private final Set<SystemTable> include = EnumSet.noneOf(SystemTable.class);
        private final Set<SystemTable> skip = EnumSet.noneOf(SystemTable.class);
        private Duration schedule = DEFAULT_SCHEDULE;
        private final Map<SystemTable, Duration> overlaps = new EnumMap<>(SystemTable.class);
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Path stateDirectory;
        private Duration waitTimeout = Duration.ofSeconds(30);
        private Duration pollInterval = Duration.ofSeconds(2);
        private Duration statementTimeout = Duration.ofMinutes(30);
        private Duration httpTimeout = Duration.ofSeconds(120);

        private Builder() {
        }

        /** Key {@code host}: the workspace URL (required). */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Keys {@code token.env} / {@code token.file}: where the Databricks token comes from (required). */
        public Builder token(Secret token) {
            this.token = token;
            return this;
        }

        /** Key {@code warehouse-id}: the SQL warehouse (required). */
        public Builder warehouseId(String warehouseId) {
            this.warehouseId = warehouseId;
            return this;
        }

        /** Key {@code connector-id} (required). */
        public Builder connectorId(String connectorId) {
            this.connectorId = connectorId;
            return this;
        }

        /** Key {@code account-id} (required). */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** Key {@code primary}: whether this connector collects the account-wide tables (default false). */
        public Builder primary(boolean primary) {
            this.primary = primary;
            return this;
        }

        /** Key {@code tables.include}: collect only these (default: every table this connector may collect). */
        public Builder include(Collection<SystemTable> tables) {
            include.addAll(tables);
            return this;
        }

        /** Key {@code tables.skip}: never collect these. */
        public Builder skip(Collection<SystemTable> tables) {
            skip.addAll(tables);
            return this;
        }

        /** Key {@code schedule}: the interval between runs (default 15 minutes). */
        public Builder schedule(Duration schedule) {
            this.schedule = schedule;
            return this;
        }

        /** Key {@code overlap.<table>}: how far behind the checkpoint reads of this table start again. */
        public Builder overlap(SystemTable table, Duration overlap) {
            overlaps.put(table, overlap);
            return this;
        }

        /** Key {@code batch-size}: the most records in one push (default 5000). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Key {@code state-dir} (required). */
        public Builder stateDirectory(Path stateDirectory) {
            this.stateDirectory = stateDirectory;
            return this;
        }

        /** Key {@code wait-timeout}: the statement's {@code wait_timeout} (default 30 s). */
        public Builder waitTimeout(Duration waitTimeout) {
            this.waitTimeout = waitTimeout;
            return this;
        }

        /** Key {@code poll-interval}: the wait between polls of a running statement (default 2 s). */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** Key {@code statement-timeout}: the longest a statement may run (default 30 minutes). */
        public Builder statementTimeout(Duration statementTimeout) {
            this.statementTimeout = statementTimeout;
            return this;
        }

        /** Key {@code http-timeout}: the SDK's HTTP timeout (default 120 s). */
        public Builder httpTimeout(Duration httpTimeout) {
            this.httpTimeout = httpTimeout;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws ConfigurationException listing every problem found
         */
        public CollectorConfig build() {
            List<String> out = new ArrayList<>(problems);
            if (host == null || host.isBlank()) {
                out.add("host: is required");
            } else if (!host.matches("(?i)(https?://)?[A-Za-z0-9.-]+(:\\d{1,5})?(/.*)?")) {
                out.add("host: '" + host + "' is not a workspace URL such as https://dbc-1234.cloud.databricks.com");
            }
            if (token == null) {
                out.add("token.env or token.file: one is required");
            }
            if (warehouseId == null || warehouseId.isBlank()) {
                out.add("warehouse-id: is required");
            }
            checkId(out, "connector-id", connectorId);
            checkId(out, "account-id", accountId);
            for (SystemTable t : include) {
                if (t.scope() == TableScope.ACCOUNT && !primary) {
                    out.add("tables.include: " + t.fullName() + " is account-wide and only the primary connector "
                            + "collects it; set primary=true on exactly one connector");
                }
            }
            if (schedule == null || schedule.compareTo(Duration.ofSeconds(1)) < 0) {
                out.add("schedule: '" + schedule + "' must be at least 1 second");
            }
            Map<SystemTable, Duration> resolved = new EnumMap<>(SystemTable.class);
            for (SystemTable t : SystemTable.values()) {
                if (t.mode() == ExtractionMode.INCREMENTAL) {
                    resolved.put(t, defaultOverlap(t));
                }
            }
            overlaps.forEach((t, d) -> {
                if (t.mode() != ExtractionMode.INCREMENTAL) {
                    out.add("overlap." + t.fullName() + ": the table is read as a full snapshot; it has no overlap");
                } else if (d == null || d.isNegative()) {
                    out.add("overlap." + t.fullName() + ": '" + d + "' must not be negative");
                } else {
                    resolved.put(t, d);
                }
            });
            if (batchSize < 1 || batchSize > 1_000_000) {
                out.add("batch-size: " + batchSize + " must be 1 to 1000000");
            }
            if (stateDirectory == null) {
                out.add("state-dir: is required");
            }
            if (waitTimeout == null || !(waitTimeout.isZero()
                    || (waitTimeout.toSeconds() >= 5 && waitTimeout.toSeconds() <= 50 && waitTimeout.toNanos() % 1_000_000_000L == 0))) {
                out.add("wait-timeout: '" + waitTimeout + "' must be 0 or whole seconds from 5 to 50");
            }
            if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
                out.add("poll-interval: '" + pollInterval + "' must be positive");
            }
            if (statementTimeout == null || statementTimeout.isNegative() || statementTimeout.isZero()) {
                out.add("statement-timeout: '" + statementTimeout + "' must be positive");
            }
            if (httpTimeout == null || httpTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
                out.add("http-timeout: '" + httpTimeout + "' must be at least 1 second");
            }
            if (!out.isEmpty()) {
                throw new ConfigurationException("Collector configuration has " + out.size() + " problem(s): "
                        + String.join("; ", out));
            }
            Set<SystemTable> tables = EnumSet.noneOf(SystemTable.class);
            for (SystemTable t : include.isEmpty() ? EnumSet.allOf(SystemTable.class) : include) {
                if (!skip.contains(t) && (primary || t.scope() == TableScope.REGIONAL)) {
                    tables.add(t);
                }
            }
            return new CollectorConfig(host.trim(), token, warehouseId.trim(), connectorId, accountId, primary, tables,
                    schedule, resolved, batchSize, stateDirectory, waitTimeout, pollInterval, statementTimeout,
                    httpTimeout);
        }

        private static void checkId(List<String> out, String key, String value) {
            if (value == null || value.isBlank()) {
                out.add(key + ": is required");
            } else if (!ID.matcher(value).matches()) {
                out.add(key + ": '" + value + "' must be 1 to 100 letters, digits or . _ : @ -");
            }
        }
    }
}
