package dev.lakesentry.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.spi.DetectionContext;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.store.LedgerReader;
import dev.lakesentry.api.store.MetricsReader;
import dev.lakesentry.testkit.fixtures.DetectionContexts;
import dev.lakesentry.testkit.fixtures.InMemoryLedger;
import dev.lakesentry.testkit.fixtures.InMemoryMetrics;
import dev.lakesentry.testkit.fixtures.LedgerFixture;
import dev.lakesentry.testkit.fixtures.SampleLedgers;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Detector}, built-in or third-party, keeps. Subclass it in a few lines:
 * <pre>{@code
 * class UntaggedSpendContractTest extends DetectorContract {
 *     protected Detector detector() { return new UntaggedSpend(new BigDecimal("50")); }
 *     protected LedgerFixture fixtureWithFindings() {           // optional
 *         return LedgerFixture.account("acc-1").usage(r -> r.day(LocalDate.parse("2025-03-16")).cost("500"));
 *     }
 * }
 * }</pre>
 * It checks that the detector has a valid id; returns nothing and does not throw on an empty ledger;
 * does not throw on one-point series; is deterministic (the same context twice, or a new instance on
 * a rebuilt context, gives equal insights with the same ids); leaves its readers untouched; reads
 * only its own account; works when the context offers no previous insights; and that every insight
 * is well-formed: its detector id, account, parameters and as-of time match, its window ends at or
 * before the as-of time, its impact is not negative and its evidence names series points or ledger
 * rows. Each run gets fresh readers from the fixture.
 *
 * @since 0.1.0
 */
public abstract class DetectorContract {

    /** A new detector to test; called once per use, so instances may differ but must agree. */
    protected abstract Detector detector();

    /**
     * A ledger in which the detector must find at least one insight at {@link #asOf()}, or {@code null}
     * (the default) to run the checks on {@link SampleLedgers#busy()} without expecting findings.
     */
    protected LedgerFixture fixtureWithFindings() {
        return null;
    }

    /** The as-of time of the contract's runs; by default {@link SampleLedgers#AS_OF}. */
    protected Instant asOf() {
        return SampleLedgers.AS_OF;
    }

    private LedgerFixture busy() {
        LedgerFixture f = fixtureWithFindings();
        return f != null ? f : SampleLedgers.busy();
    }

    private List<Insight> run(Detector detector, DetectionContext context) {
        List<Insight> insights = detector.detect(context);
        assertThat(insights).as("%s returned null instead of a list", detector.id()).isNotNull();
        return insights;
    }

    @Test
    void idIsWellFormed() {
        assertThat(detector().id()).matches("[a-z0-9][a-z0-9._-]*");
    }

    @Test
    void emptyLedgerGivesNoInsights() {
        assertThat(run(detector(), DetectionContexts.empty("acc-empty", asOf()))).isEmpty();
    }

    @Test
    void onePointSeriesDoNotThrow() {
        LedgerFixture f = SampleLedgers.onePoint();
        DetectionContext context = f.context(asOf());
        List<Insight> insights = run(detector(), context);
        insights.forEach(i -> assertWellFormed(i, context));
    }

    @Test
    void sameContextTwiceGivesEqualInsights() {
        Detector detector = detector();
        DetectionContext context = busy().context(asOf());
        assertThat(run(detector, context)).isEqualTo(run(detector, context));
    }

    @Test
    void idsAreStableAcrossInstancesAndRebuiltContexts() {
        List<Insight> first = run(detector(), busy().context(asOf()));
        List<Insight> second = run(detector(), busy().context(asOf()));
        assertThat(second).isEqualTo(first);
        assertThat(second.stream().map(Insight::id).toList()).isEqualTo(first.stream().map(Insight::id).toList());
    }

    @Test
    void insightIdsAreUniqueWithinARun() {
        List<Insight> insights = run(detector(), busy().context(asOf()));
        Set<String> ids = new HashSet<>();
        insights.forEach(i -> assertThat(ids.add(i.id())).as("duplicate insight id %s: %s", i.id(), i).isTrue());
    }

    @Test
    void insightsAreWellFormed() {
        DetectionContext context = busy().context(asOf());
        run(detector(), context).forEach(i -> assertWellFormed(i, context));
    }

    @Test
    void findsSomethingWhereItShould() {
        LedgerFixture f = fixtureWithFindings();
        if (f != null) {
            assertThat(run(detector(), f.context(asOf()))).as("insights in fixtureWithFindings()").isNotEmpty();
        }
    }

    @Test
    void doesNotWriteToItsReaders() {
        LedgerFixture f = busy();
        InMemoryLedger ledger = f.ledger();
        InMemoryMetrics metrics = f.metrics();
        List<Object> ledgerBefore = ledger.allRows();
        List<Object> metricsBefore = metrics.allRows();
        run(detector(), DetectionContexts.of(f.accountId(), asOf(), ledger, metrics, f.insights()));
        assertThat(ledger.allRows()).isEqualTo(ledgerBefore);
        assertThat(metrics.allRows()).isEqualTo(metricsBefore);
    }

    @Test
    void readsOnlyItsOwnAccount() {
        LedgerFixture f = busy();
        assertThat(run(detector(), DetectionContexts.of("acc-other", asOf(), f.ledger(), f.metrics(), f.insights())))
                .isEmpty();
    }

    @Test
    void worksWhenTheContextOffersNoPreviousInsights() {
        LedgerFixture f = busy();
        DetectionContext withPrevious = f.context(asOf());
        DetectionContext without = new BareContext(f.accountId(), asOf(), f.ledger(), f.metrics());
        assertThatCode(() -> run(detector(), without)).doesNotThrowAnyException();
        assertThat(run(detector(), without)).isEqualTo(run(detector(), withPrevious));
    }

    /** Asserts the insight is well-formed for the context; usable from a subclass's own tests. */
    protected void assertWellFormed(Insight insight, DetectionContext context) {
        Detector detector = detector();
        assertThat(insight.detectorId()).as("detector id of %s", insight.id()).isEqualTo(detector.id());
        assertThat(insight.accountId()).as("account of %s", insight.id()).isEqualTo(context.accountId());
        assertThat(insight.detectedAt()).as("detectedAt of %s", insight.id()).isEqualTo(context.asOf());
        assertThat(insight.window().end()).as("window end of %s", insight.id()).isBeforeOrEqualTo(context.asOf());
        assertThat(insight.estimatedMonthlyImpact().amount().signum()).as("impact of %s", insight.id())
                .isGreaterThanOrEqualTo(0);
        assertThat(insight.detectorParameters()).as("parameters of %s", insight.id()).isEqualTo(detector.parameters());
        assertThat(insight.evidence().summary()).isNotBlank();
        assertThat(insight.evidence().series().size() + insight.evidence().rows().size())
                .as("evidence of %s names series points or ledger rows", insight.id()).isPositive();
        assertThat(insight.id()).isEqualTo(Insight.idOf(insight.accountId(), insight.type(), insight.subject(),
                insight.window()));
    }

    /** A context that keeps the SPI's default {@code previousInsights()}, which throws. */
    private record BareContext(String accountId, Instant asOf, LedgerReader ledger, MetricsReader metrics)
            implements DetectionContext {
    }
}
