package dev.lakesentry.core.analysis;

import java.util.List;
import java.util.Map;

/**
 * Attribution rules as data, and each workspace's default team (the fallback after the resource
 * owner's team).
 *
 * @param rules                 the rules
 * @param workspaceDefaultTeams workspace id to team
 */
public record RuleSet(List<RuleDefinition> rules, Map<String, String> workspaceDefaultTeams) {
    public RuleSet {
        rules = List.copyOf(rules);
        workspaceDefaultTeams = Map.copyOf(workspaceDefaultTeams);
    }

    /** No rules and no workspace defaults: everything falls back to owners or stays unattributed. */
    public static RuleSet empty() {
        return new RuleSet(List.of(), Map.of());
    }
}
