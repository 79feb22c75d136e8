package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.insight.SubjectKind;

/**
 * The true owner of a generated entity, whether or not its tags say so: for checking attribution.
 *
 * @param kind        what the entity is (cluster, job, SQL warehouse, serving endpoint, workspace)
 * @param id          its id
 * @param workspaceId its workspace
 * @param name        its name
 * @param team        the team that owns it
 * @param teamTagged  whether its tags carry the team tag
 * @since 0.1.0
 */
public record EntityLabel(SubjectKind kind, String id, String workspaceId, String name, String team,
                          boolean teamTagged) {
}
