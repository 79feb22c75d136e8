package dev.lakesentry.core.execution;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.ExecutionMode;
import dev.lakesentry.api.spi.WorkspaceConnection;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How the execution stage may act: the mode per action type (an absent type is READ_ONLY: nothing
 * runs), the blast-radius limits, the protected resources, how old a plan may be, the idle threshold a
 * termination is re-checked against and the connection to each workspace.
 *
 * @param modes               mode per action type; absent means READ_ONLY
 * @param maxPerRun           most changes (APPLY attempts) one run may make
 * @param maxPerHour          most changes in any hour, counting those already in the action log
 * @param protectedIds        resource ids (or target keys {@code KIND:workspace:id}) never touched
 * @param protectedTags       tags that protect a resource: {@code key} (any value) or {@code key=value}
 * @param planMaxAge          a plan older than this (from its creation) expires and is never acted on
 * @param idleCpuPercent      a cluster whose latest hour in the ledger averages this much CPU or more is not idle
 * @param utilisationLookback how far back the ledger is searched for a cluster's latest hour
 * @param connections         workspace id to connection
 */
public record ExecutionSettings(Map<ActionType, ExecutionMode> modes, int maxPerRun, int maxPerHour,
                                Set<String> protectedIds, Set<String> protectedTags, Duration planMaxAge,
                                double idleCpuPercent, Duration utilisationLookback,
                                Map<String, WorkspaceConnection> connections) {
    public ExecutionSettings {
        modes = Map.copyOf(modes);
        if (maxPerRun < 0 || maxPerHour < 0) {
            throw new ConfigurationException("Execution limits must not be negative, were " + maxPerRun + " per run and "
                    + maxPerHour + " per hour");
        }
        protectedIds = Set.copyOf(protectedIds);
        protectedTags = Set.copyOf(protectedTags);
        if (planMaxAge == null || planMaxAge.isNegative() || planMaxAge.isZero()) {
            throw new ConfigurationException("planMaxAge must be positive, was " + planMaxAge);
        }
        if (!(idleCpuPercent > 0 && idleCpuPercent <= 100)) {
            throw new ConfigurationException("idleCpuPercent must be above 0 and at most 100, was " + idleCpuPercent);
        }
        if (utilisationLookback == null || utilisationLookback.isNegative() || utilisationLookback.isZero()) {
            throw new ConfigurationException("utilisationLookback must be positive, was " + utilisationLookback);
        }
        connections = Map.copyOf(connections);
    }

    /** Nothing enabled; 10 changes per run and 20 per hour; plans expire after 7 days; idle below 5 % CPU. */
    public static ExecutionSettings defaults() {
        return new ExecutionSettings(Map.of(), 10, 20, Set.of(), Set.of(), Duration.ofDays(7), 5.0, Duration.ofDays(2), Map.of());
    }

    /** The mode of an action type. */
    public ExecutionMode mode(ActionType type) {
        return modes.getOrDefault(type, ExecutionMode.READ_ONLY);
    }

    /** The protected tag these tags carry, or {@code null}. */
    String protectingTag(Map<String, String> tags) {
        for (String rule : protectedTags) {
            int eq = rule.indexOf('=');
            String key = eq < 0 ? rule : rule.substring(0, eq);
            if (tags.containsKey(key) && (eq < 0 || rule.substring(eq + 1).equals(tags.get(key)))) {
                return eq < 0 ? key + "=" + tags.get(key) : rule;
            }
        }
        return null;
    }
}
