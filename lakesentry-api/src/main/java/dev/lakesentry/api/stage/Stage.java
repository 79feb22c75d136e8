package dev.lakesentry.api.stage;

/**
 * A pipeline stage. Core runs stages in dependency order under the account's stage lock; a stage
 * writes only its own layer, and a failed run leaves that layer as it was.
 *
 * @since 0.1.0
 */
public interface Stage {

    /** Which stage this is. */
    StageName name();

    /**
     * Runs the stage for one account.
     *
     * @return the run's record; a failure is returned as a {@link StageOutcome#FAILED} result, not thrown,
     *         unless the failure is in the host's configuration
     */
    StageResult run(StageRequest request);
}
