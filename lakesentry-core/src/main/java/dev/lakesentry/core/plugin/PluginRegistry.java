package dev.lakesentry.core.plugin;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.spi.ActionExecutor;
import dev.lakesentry.api.spi.AttributionRule;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.PluginConfig;
import dev.lakesentry.api.spi.PluginProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins a pipeline runs: detectors, attribution rules and action executors, registered
 * explicitly or discovered through {@link ServiceLoader} from a class loader the host chooses. The
 * only class in LakeSentry that uses {@code ServiceLoader}.
 *
 * <ul>
 *   <li>Discovery happens only when asked ({@link Builder#discover()}).</li>
 *   <li>Explicit registration wins over discovery: a discovered provider whose id an explicit
 *       plugin already has is ignored (logged at DEBUG).</li>
 *   <li>Two plugins with the same id fail the build, naming both classes.</li>
 *   <li>An allow-list, when given, enables only the ids it names; an id in it that names no plugin,
 *       or an explicit plugin missing from it, fails the build.</li>
 *   <li>Ids are lower case ({@code [a-z0-9][a-z0-9._-]*}); the {@code lakesentry.} prefix is reserved
 *       for classes in {@code dev.lakesentry}.</li>
 * </ul>
 * Immutable once built; the lists it returns are in a deterministic order.
 */
public final class PluginRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    static final String RESERVED_PREFIX = "lakesentry.";
    private static final String OWN_PACKAGE = "dev.lakesentry.";

    private final Map<PluginKind, List<Object>> plugins;

    private PluginRegistry(Map<PluginKind, List<Object>> plugins) {
        this.plugins = plugins;
    }

    /** A registry with no plugins. */
    public static PluginRegistry empty() {
        return builder().build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The detectors, by id. */
    public List<Detector> detectors() {
        return cast(plugins.get(PluginKind.DETECTOR), Detector.class);
    }

    /** The attribution rules in the order they run: by {@link AttributionRule#order()}, ties by id. */
    public List<AttributionRule> attributionRules() {
        List<AttributionRule> rules = new ArrayList<>(cast(plugins.get(PluginKind.ATTRIBUTION_RULE), AttributionRule.class));
        rules.sort(Comparator.comparingInt(AttributionRule::order).thenComparing(AttributionRule::id));
        return List.copyOf(rules);
    }

    /** The action executors, by id. */
    public List<ActionExecutor> executors() {
        return cast(plugins.get(PluginKind.ACTION_EXECUTOR), ActionExecutor.class);
    }

    /** The detector with this id. */
    public Optional<Detector> detector(String id) {
        return detectors().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Every plugin id, sorted. */
    public Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        plugins.forEach((kind, list) -> list.forEach(p -> ids.add(kind.idOf(p))));
        return ids;
    }

    private static <T> List<T> cast(List<Object> list, Class<T> type) {
        return list.stream().map(type::cast).toList();
    }

    /** Builds a {@link PluginRegistry}; fails fast with messages that name the plugin, class and fix. */
    public static final class Builder {
        private final List<Object> explicit = new ArrayList<>();
        private final List<PluginProvider<?>> explicitProviders = new ArrayList<>();
        private final Map<String, PluginConfig> configs = new LinkedHashMap<>();
        private ClassLoader classLoader;
        private boolean discover;
        private Set<String> allowList;

        private Builder() {
        }

        /** Registers a detector, rule or executor instance. */
        public Builder register(Object plugin) {
            Objects.requireNonNull(plugin, "plugin");
            PluginKind.of(plugin);
            explicit.add(plugin);
            return this;
        }

        /** Registers a provider by hand, as if it had been discovered (it gets its configuration). */
        public Builder registerProvider(PluginProvider<?> provider) {
            explicitProviders.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Discovers providers through {@link ServiceLoader} from the class loader (by default this class's). */
        public Builder discover() {
            this.discover = true;
            return this;
        }

        /** Discovers providers from this class loader, e.g. one over a directory of plugin jars. */
        public Builder discover(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            this.discover = true;
            return this;
        }

        /** Enables only these plugin ids. */
        public Builder enableOnly(Collection<String> ids) {
            this.allowList = new LinkedHashSet<>(Objects.requireNonNull(ids, "ids"));
            return this;
        }

        /** Settings for the plugin with this id, passed to its provider's {@code create}. */
        public Builder config(String id, Map<String, String> settings) {
            configs.put(Objects.requireNonNull(id, "id"), PluginConfig.of(id, settings));
            return this;
        }

        /** Builds the registry. */
        public PluginRegistry build() {
            Map<String, Object> byId = new TreeMap<>();
            Map<String, String> sourceById = new LinkedHashMap<>();
            for (Object plugin : explicit) {
                PluginKind kind = PluginKind.of(plugin);
                String id = checkId(kind, kind.idOf(plugin), plugin.getClass());
                putUnique(byId, sourceById, kind, id, plugin.getClass().getName(), plugin);
                if (configs.containsKey(id)) {
                    throw new ConfigurationException("Settings were given for " + kind.label + " '" + id
                            + "', but it was registered as a built instance (" + plugin.getClass().getName()
                            + "); pass settings to its constructor, or register its provider instead");
                }
            }
            Set<String> explicitIds = new TreeSet<>(byId.keySet());

            List<PluginProvider<?>> providers = new ArrayList<>(explicitProviders);
            Map<String, String> providerSource = new LinkedHashMap<>();
            if (discover) {
                ClassLoader loader = classLoader != null ? classLoader : PluginRegistry.class.getClassLoader();
                for (PluginKind kind : PluginKind.values()) {
                    providers.addAll(load(kind, loader));
                }
            }
            Map<String, PluginProvider<?>> providerById = new TreeMap<>();
            for (PluginProvider<?> provider : providers) {
                PluginKind kind = kindOfProvider(provider);
                String id = checkId(kind, provider.id(), provider.getClass());
                if (explicitIds.contains(id)) {
                    LOG.debug("{} '{}' from provider {} ignored: an explicitly registered plugin has that id ({})",
                            kind.label, id, provider.getClass().getName(), sourceById.get(id));
                    continue;
                }
                String previous = providerSource.putIfAbsent(id, provider.getClass().getName());
                if (previous != null) {
                    throw new ConfigurationException(kind.label + " id '" + id + "' is registered twice: " + previous
                            + " and " + provider.getClass().getName() + "; remove one of them or give it another id");
                }
                providerById.put(id, provider);
            }

            Set<String> known = new TreeSet<>(explicitIds);
            known.addAll(providerById.keySet());
            for (String id : configs.keySet()) {
                if (!known.contains(id)) {
                    throw new ConfigurationException("Settings were given for plugin '" + id
                            + "', but no plugin has that id; known ids are " + known);
                }
            }
            if (allowList != null) {
                for (String id : allowList) {
                    if (!known.contains(id)) {
                        throw new ConfigurationException("The enabled plugin id '" + id
                                + "' names no registered or discovered plugin; known ids are " + known);
                    }
                }
                for (String id : explicitIds) {
                    if (!allowList.contains(id)) {
                        throw new ConfigurationException("Plugin '" + id + "' (" + sourceById.get(id)
                                + ") is registered explicitly but is not in the enabled ids " + allowList
                                + "; add it there or do not register it");
                    }
                }
            }

            for (Map.Entry<String, PluginProvider<?>> e : providerById.entrySet()) {
                String id = e.getKey();
                PluginProvider<?> provider = e.getValue();
                if (allowList != null && !allowList.contains(id)) {
                    LOG.debug("Plugin '{}' from provider {} is not enabled", id, provider.getClass().getName());
                    continue;
                }
                PluginKind kind = kindOfProvider(provider);
                Object plugin = create(kind, id, provider, configs.getOrDefault(id, PluginConfig.of(id, Map.of())));
                putUnique(byId, sourceById, kind, id, provider.getClass().getName(), plugin);
            }

            Map<PluginKind, List<Object>> grouped = new EnumMap<>(PluginKind.class);
            for (PluginKind kind : PluginKind.values()) {
                grouped.put(kind, new ArrayList<>());
            }
            byId.forEach((id, plugin) -> grouped.get(PluginKind.of(plugin)).add(plugin));
            grouped.replaceAll((k, v) -> List.copyOf(v));
            LOG.debug("Plugins in use: {}", sourceById);
            return new PluginRegistry(grouped);
        }

        private static List<PluginProvider<?>> load(PluginKind kind, ClassLoader loader) {
            List<PluginProvider<?>> found = new ArrayList<>();
            ServiceLoader<? extends PluginProvider<?>> serviceLoader = ServiceLoader.load(kind.providerType, loader);
            var it = serviceLoader.stream().iterator();
            while (true) {
                ServiceLoader.Provider<? extends PluginProvider<?>> p;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    p = it.next();
                } catch (ServiceConfigurationError e) {
                    throw new ConfigurationException("A " + kind.providerType.getName()
                            + " entry under META-INF/services could not be loaded: " + e.getMessage(), e);
                }
                try {
                    PluginProvider<?> provider = p.get();
                    LOG.debug("Discovered {} provider {} with id '{}'", kind.label, p.type().getName(), provider.id());
                    found.add(provider);
                } catch (ServiceConfigurationError | RuntimeException e) {
                    throw new ConfigurationException("The " + kind.label + " provider " + p.type().getName()
                            + " could not be instantiated: " + e.getMessage()
                            + "; it needs a public no-argument constructor", e);
                }
            }
            return found;
        }

        private static PluginKind kindOfProvider(PluginProvider<?> provider) {
            for (PluginKind kind : PluginKind.values()) {
                if (kind.providerType.isInstance(provider)) {
                    return kind;
                }
            }
            throw new ConfigurationException("Provider " + provider.getClass().getName()
                    + " must implement DetectorProvider, AttributionRuleProvider or ActionExecutorProvider");
        }

        private static Object create(PluginKind kind, String id, PluginProvider<?> provider, PluginConfig config) {
            Object plugin;
            try {
                plugin = provider.create(config);
            } catch (RuntimeException e) {
                throw new ConfigurationException("The " + kind.label + " provider " + provider.getClass().getName()
                        + " failed to create '" + id + "': " + e.getMessage(), e);
            }
            if (plugin == null || !kind.pluginType.isInstance(plugin)) {
                throw new ConfigurationException("The " + kind.label + " provider " + provider.getClass().getName()
                        + " returned " + (plugin == null ? "null" : plugin.getClass().getName())
                        + " for '" + id + "'; it must return a " + kind.pluginType.getSimpleName());
            }
            String pluginId = kind.idOf(plugin);
            if (!id.equals(pluginId)) {
                throw new ConfigurationException("The " + kind.label + " provider " + provider.getClass().getName()
                        + " has id '" + id + "' but created a plugin with id '" + pluginId + "'; they must match");
            }
            return plugin;
        }

        private static String checkId(PluginKind kind, String id, Class<?> source) {
            if (id == null || !ID.matcher(id).matches()) {
                throw new ConfigurationException(kind.label + " " + source.getName() + " has id '" + id
                        + "'; ids are lower case letters, digits, '.', '-' and '_', starting with a letter or digit");
            }
            if (id.startsWith(RESERVED_PREFIX) && !source.getName().startsWith(OWN_PACKAGE)) {
                throw new ConfigurationException(kind.label + " " + source.getName() + " has id '" + id
                        + "'; the prefix '" + RESERVED_PREFIX + "' is reserved for LakeSentry's built-in plugins,"
                        + " use your own prefix such as 'acme.'");
            }
            return id;
        }

        private static void putUnique(Map<String, Object> byId, Map<String, String> sourceById, PluginKind kind,
                                      String id, String source, Object plugin) {
            String previous = sourceById.putIfAbsent(id, source);
            if (previous != null) {
                throw new ConfigurationException(kind.label + " id '" + id + "' is registered twice: " + previous
                        + " and " + source + "; remove one of them or give it another id");
            }
            byId.put(id, plugin);
        }
    }
}
