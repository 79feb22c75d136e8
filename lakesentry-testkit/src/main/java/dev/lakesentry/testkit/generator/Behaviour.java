package dev.lakesentry.testkit.generator;

import java.util.List;

/**
 * How the synthetic account behaves: team structure, tagging, seasonality, noise and the sizes of the
 * injected anomalies. Vary these (and the seed) to evaluate detectors on accounts that tuning never
 * saw. Ratios and shares are plain doubles: they shape the data, they are never money.
 *
 * @param teams                   team names; every entity is owned by one of them
 * @param teamTagKey              the tag key that names the team in {@code custom_tags}, e.g. {@code team}
 * @param extraTagKeys            other tag keys put on tagged entities ({@code env}, {@code cost_center}, or any other key)
 * @param taggedShare             share of entities that carry the team tag (the rest are untagged)
 * @param seasonalityStrength     0 = weekends and nights look like weekdays, 1 = nothing happens outside business hours
 * @param noise                   log-normal sigma of day-to-day and hour-to-hour variation
 * @param injectAnomalies         whether to inject the labelled anomalies at all (false gives a clean account)
 * @param spikeFactor             sudden spend spike: a backfill runs this many times the job's usual runs on one day
 * @param gradualFactor           gradual spend spike: the job's cluster grows to this many times its usual workers
 * @param runawayFactor           runaway job run: one run lasts this many times the job's usual duration
 * @param regressionFactor        job duration regression: runs take this many times longer from the change on
 * @param baselineFailureRate     usual share of job runs that fail
 * @param failureRateJump         failure-rate jump: added to the failure rate of one job from the change on
 * @param idleInjectedHours       hours an injected idle all-purpose cluster is kept running with no work
 * @param oversizedWorkers        fixed worker count of the injected oversized cluster
 * @param idleMinHours            shortest idle period (cluster or warehouse) that the truth labels
 * @param queriesPerBusinessHour  mean SQL queries per warehouse per business hour
 * @param lateRowShare            share of ORIGINAL billing rows that arrive days late
 * @param correctionShare         share of billing rows later corrected by a RETRACTION and a RESTATEMENT
 * @param weeklyJobs              extra jobs per workspace that refresh in full once a week on a large cluster
 *                                and load increments on a fifth of it the other days: weekly seasonality in a
 *                                job's daily spend, normal behaviour that the truth does not label; 0 in the
 *                                profiles' defaults
 * @since 0.1.0
 */
public record Behaviour(
        List<String> teams,
        String teamTagKey,
        List<String> extraTagKeys,
        double taggedShare,
        double seasonalityStrength,
        double noise,
        boolean injectAnomalies,
        double spikeFactor,
        double gradualFactor,
        double runawayFactor,
        double regressionFactor,
        double baselineFailureRate,
        double failureRateJump,
        int idleInjectedHours,
        int oversizedWorkers,
        double idleMinHours,
        double queriesPerBusinessHour,
        double lateRowShare,
        double correctionShare,
        int weeklyJobs) {

    public Behaviour {
        teams = List.copyOf(teams);
        extraTagKeys = List.copyOf(extraTagKeys);
        if (teams.isEmpty()) {
            throw new IllegalArgumentException("Behaviour.teams must name at least one team");
        }
        if (teamTagKey == null || teamTagKey.isBlank()) {
            throw new IllegalArgumentException("Behaviour.teamTagKey must not be blank, was '" + teamTagKey + "'");
        }
        share(taggedShare, "taggedShare");
        share(seasonalityStrength, "seasonalityStrength");
        share(baselineFailureRate, "baselineFailureRate");
        share(lateRowShare, "lateRowShare");
        share(correctionShare, "correctionShare");
        if (baselineFailureRate + failureRateJump > 1.0 || failureRateJump < 0) {
            throw new IllegalArgumentException("Behaviour.failureRateJump must be in [0, 1 - baselineFailureRate], was "
                    + failureRateJump);
        }
        atLeast(spikeFactor, 1.0, "spikeFactor");
        atLeast(gradualFactor, 1.0, "gradualFactor");
        atLeast(runawayFactor, 1.0, "runawayFactor");
        atLeast(regressionFactor, 1.0, "regressionFactor");
        atLeast(noise, 0.0, "noise");
        atLeast(idleInjectedHours, 0, "idleInjectedHours");
        atLeast(oversizedWorkers, 2, "oversizedWorkers");
        atLeast(idleMinHours, 0.5, "idleMinHours");
        atLeast(queriesPerBusinessHour, 0.0, "queriesPerBusinessHour");
        atLeast(weeklyJobs, 0, "weeklyJobs");
    }

    private static void share(double v, String name) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException("Behaviour." + name + " must be between 0 and 1, was " + v);
        }
    }

    private static void atLeast(double v, double min, String name) {
        if (!(v >= min)) {
            throw new IllegalArgumentException("Behaviour." + name + " must be at least " + min + ", was " + v);
        }
    }

    /** The defaults the profiles use. */
    public static Behaviour defaults() {
        return new Behaviour(List.of("data-eng", "analytics", "ml-platform", "finance-bi", "marketing"), "team",
                List.of("env", "cost_center"), 0.85, 0.8, 0.15, true, 5.0, 3.0, 12.0, 2.5, 0.03, 0.40, 16, 8,
                2.0, 12.0, 0.01, 0.004, 0);
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link Behaviour} from another one, changing only what is set. */
    public static final class Builder {
        private List<String> teams;
        private String teamTagKey;
        private List<String> extraTagKeys;
        private double taggedShare;
        private double seasonalityStrength;
        private double noise;
        private boolean injectAnomalies;
        private double spikeFactor;
        private double gradualFactor;
        private double runawayFactor;
        private double regressionFactor;
        private double baselineFailureRate;
        private double failureRateJump;
        private int idleInjectedHours;
        private int oversizedWorkers;
        private double idleMinHours;
        private double queriesPerBusinessHour;
        private double lateRowShare;
        private double correctionShare;
        private int weeklyJobs;

        private Builder(Behaviour b) {
            teams = b.teams;
            teamTagKey = b.teamTagKey;
            extraTagKeys = b.extraTagKeys;
            taggedShare = b.taggedShare;
            seasonalityStrength = b.seasonalityStrength;
            noise = b.noise;
            injectAnomalies = b.injectAnomalies;
            spikeFactor = b.spikeFactor;
            gradualFactor = b.gradualFactor;
            runawayFactor = b.runawayFactor;
            regressionFactor = b.regressionFactor;
            baselineFailureRate = b.baselineFailureRate;
            failureRateJump = b.failureRateJump;
            idleInjectedHours = b.idleInjectedHours;
            oversizedWorkers = b.oversizedWorkers;
            idleMinHours = b.idleMinHours;
            queriesPerBusinessHour = b.queriesPerBusinessHour;
            lateRowShare = b.lateRowShare;
            correctionShare = b.correctionShare;
            weeklyJobs = b.weeklyJobs;
        }

        public Builder teams(List<String> v) { teams = v; return this; }
        public Builder teamTagKey(String v) { teamTagKey = v; return this; }
        public Builder extraTagKeys(List<String> v) { extraTagKeys = v; return this; }
        public Builder taggedShare(double v) { taggedShare = v; return this; }
        public Builder seasonalityStrength(double v) { seasonalityStrength = v; return this; }
        public Builder noise(double v) { noise = v; return this; }
        public Builder injectAnomalies(boolean v) { injectAnomalies = v; return this; }
        public Builder spikeFactor(double v) { spikeFactor = v; return this; }
        public Builder gradualFactor(double v) { gradualFactor = v; return this; }
        public Builder runawayFactor(double v) { runawayFactor = v; return this; }
        public Builder regressionFactor(double v) { regressionFactor = v; return this; }
        public Builder baselineFailureRate(double v) { baselineFailureRate = v; return this; }
        public Builder failureRateJump(double v) { failureRateJump = v; return this; }
        public Builder idleInjectedHours(int v) { idleInjectedHours = v; return this; }
        public Builder oversizedWorkers(int v) { oversizedWorkers = v; return this; }
        public Builder idleMinHours(double v) { idleMinHours = v; return this; }
        public Builder queriesPerBusinessHour(double v) { queriesPerBusinessHour = v; return this; }
        public Builder lateRowShare(double v) { lateRowShare = v; return this; }
        public Builder correctionShare(double v) { correctionShare = v; return this; }
        public Builder weeklyJobs(int v) { weeklyJobs = v; return this; }

        /** The behaviour; throws {@link IllegalArgumentException} naming the first bad value. */
        public Behaviour build() {
            return new Behaviour(teams, teamTagKey, extraTagKeys, taggedShare, seasonalityStrength, noise,
                    injectAnomalies, spikeFactor, gradualFactor, runawayFactor, regressionFactor, baselineFailureRate,
                    failureRateJump, idleInjectedHours, oversizedWorkers, idleMinHours, queriesPerBusinessHour,
                    lateRowShare, correctionShare, weeklyJobs);
        }
    }
}
