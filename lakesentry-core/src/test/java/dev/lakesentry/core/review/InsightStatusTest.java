package dev.lakesentry.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.insight.Evidence;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.InsightStatus;
import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.insight.TimeWindow;
import dev.lakesentry.api.review.InsightReviewAction;
import dev.lakesentry.api.review.Reviewer;
import dev.lakesentry.api.spi.DetectionContext;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.core.analysis.DetectionStage;
import dev.lakesentry.store.jdbc.JdbcStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Insight statuses are derived from the insight, its detector's latest run and review events. */
class InsightStatusTest {
    static final String ACCOUNT = "acc";
    static final Instant T1 = Instant.parse("2025-03-04T00:00:00Z");
    static final Instant T2 = Instant.parse("2025-03-05T00:00:00Z");

    /** Finds one idle cluster as long as the as-of time is before T2. */
    record UntilT2(String id) implements Detector {
        @Override
        public List<Insight> detect(DetectionContext ctx) {
            if (!ctx.asOf().isBefore(T2)) {
                return List.of();
            }
            return List.of(Insight.of(ctx.accountId(), InsightType.IDLE_CLUSTER, Severity.HIGH,
                    new Subject(SubjectKind.CLUSTER, "c-1", "ws"), new TimeWindow(T1.minusSeconds(3600), T1),
                    Money.usd("10"), new Evidence("idle", Map.of(), List.of(), List.of()), id, Map.of(), ctx.asOf()));
        }
    }

    private JdbcStore store;
    private LakeSentry ls;
    private DetectionStage detection;

    @BeforeEach
    void start() {
        store = JdbcStore.inMemory("status-" + UUID.randomUUID());
        ls = LakeSentry.builder().store(store).clock(Clock.fixed(T2.plus(Duration.ofDays(1)), ZoneOffset.UTC)).build();
        detection = new DetectionStage(store.ledgerReader(), store.metricsReader(), store.insightReader(),
                store.insightWriter(), List.of(new UntilT2("test.until-t2")));
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void statusFollowsReviewsAndResolvesWhenTheConditionClears() {
        String id = detection.run(ACCOUNT, T1).insights().get(0).id();
        assertThat(ls.insightStatus(ACCOUNT, id)).isEqualTo(InsightStatus.OPEN);
        ls.reviews().review(ACCOUNT, id, InsightReviewAction.ACKNOWLEDGE, new Reviewer("alice"), null, null);
        assertThat(ls.insightStatus(ACCOUNT, id)).isEqualTo(InsightStatus.ACKNOWLEDGED);
        ls.reviews().review(ACCOUNT, id, InsightReviewAction.SNOOZE, new Reviewer("alice"), T2.plus(Duration.ofDays(7)), "later");
        assertThat(ls.insightStatus(ACCOUNT, id)).isEqualTo(InsightStatus.SNOOZED);

        detection.run(ACCOUNT, T2);
        assertThat(ls.insightStatus(ACCOUNT, id)).isEqualTo(InsightStatus.RESOLVED);

        ls.reviews().review(ACCOUNT, id, InsightReviewAction.DISMISS, new Reviewer("bob"), null, "known");
        assertThat(ls.insightStatus(ACCOUNT, id)).isEqualTo(InsightStatus.DISMISSED);

        store.insightWriter().truncate(ACCOUNT);
        detection.run(ACCOUNT, T1);
        assertThat(ls.insightStatus(ACCOUNT, id)).as("a rebuild of the analysis layer loses no decision")
                .isEqualTo(InsightStatus.DISMISSED);
    }
}
