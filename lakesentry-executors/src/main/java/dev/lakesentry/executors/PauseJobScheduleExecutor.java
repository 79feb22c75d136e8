package dev.lakesentry.executors;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.jobs.CronSchedule;
import com.databricks.sdk.service.jobs.Job;
import com.databricks.sdk.service.jobs.JobSettings;
import com.databricks.sdk.service.jobs.PauseStatus;
import com.databricks.sdk.service.jobs.UpdateJob;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.Target;
import dev.lakesentry.api.plan.TargetKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pauses a job's schedule ({@code schedule.pause_status UNPAUSED -> PAUSED}): {@code GET /api/2.2/jobs/get},
 * then {@code POST /api/2.2/jobs/update} with {@code new_settings.schedule} the whole live schedule with the
 * new pause status (top-level settings are replaced wholesale). A job without a schedule reads as
 * {@code (not set)}, so a plan against a schedule is stale; an absent pause status reads as UNPAUSED, the
 * API's default. Rolls back by setting the recorded status again.
 */
public final class PauseJobScheduleExecutor extends DatabricksExecutor {
    /** The executor's id. */
    public static final String ID = "lakesentry.pause-job-schedule";
    static final String FIELD = "schedule.pause_status";

    /** An executor with these settings. */
    public PauseJobScheduleExecutor(ExecutorSettings settings) {
        super(ID, ActionType.PAUSE_JOB_SCHEDULE, TargetKind.JOB, Set.of(FIELD), settings);
    }

    private Job get(WorkspaceClient client, Target target) {
        long jobId = jobId(target);
        return sdk.call("jobs/get " + jobId, () -> client.jobs().get(jobId));
    }

    @Override
    LiveState read(WorkspaceClient client, Target target) {
        Job job = get(client, target);
        JobSettings settings = job.getSettings();
        CronSchedule schedule = settings == null ? null : settings.getSchedule();
        Map<String, String> values = new HashMap<>();
        values.put(FIELD, schedule == null ? null
                : schedule.getPauseStatus() == null ? PauseStatus.UNPAUSED.name() : schedule.getPauseStatus().name());
        return new LiveState(values, settings == null ? Map.of() : settings.getTags(), null);
    }

    @Override
    void write(WorkspaceClient client, Target target, Map<String, String> values, LiveState live) {
        Job job = get(client, target);
        CronSchedule schedule = job.getSettings() == null ? null : job.getSettings().getSchedule();
        if (schedule == null) {
            throw new IllegalArgumentException("Job " + target.resourceId() + " has no schedule to pause or resume");
        }
        PauseStatus status = PauseStatus.valueOf(values.get(FIELD));
        CronSchedule updated = new CronSchedule()
                .setQuartzCronExpression(schedule.getQuartzCronExpression())
                .setTimezoneId(schedule.getTimezoneId())
                .setSqlCondition(schedule.getSqlCondition())
                .setPauseStatus(status);
        long jobId = jobId(target);
        sdk.run("jobs/update " + jobId, () -> client.jobs().update(new UpdateJob().setJobId(jobId)
                .setNewSettings(new JobSettings().setSchedule(updated))));
    }

    private static long jobId(Target target) {
        try {
            return Long.parseLong(target.resourceId().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Job ids are numbers in the Jobs API, was '" + target.resourceId() + "'", e);
        }
    }
}
