package dev.lakesentry.api.plan;

import dev.lakesentry.api.internal.Checks;

/**
 * The type of an action. Built-in types are constants here; an executor plugin may define its own,
 * in lower-case kebab case.
 *
 * @param value the type's name
 * @since 0.1.0
 */
public record ActionType(String value) {
    public static final ActionType TERMINATE_CLUSTER = new ActionType("terminate-cluster");
    public static final ActionType SET_CLUSTER_AUTOSCALE = new ActionType("set-cluster-autoscale");
    public static final ActionType SET_CLUSTER_AUTO_TERMINATION = new ActionType("set-cluster-auto-termination");
    public static final ActionType SET_WAREHOUSE_AUTO_STOP = new ActionType("set-warehouse-auto-stop");
    public static final ActionType PAUSE_JOB_SCHEDULE = new ActionType("pause-job-schedule");

    public ActionType {
        Checks.notBlank(value, "ActionType", "value");
        if (!value.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("ActionType.value must be lower-case kebab case like 'terminate-cluster', was '"
                    + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
