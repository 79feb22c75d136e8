package dev.lakesentry.core.analysis;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.WorkUnitRef;
import dev.lakesentry.api.ledger.WorkUnitRun;
import dev.lakesentry.api.ledger.WorkUnitType;
import dev.lakesentry.api.metrics.Badge;
import dev.lakesentry.api.metrics.SignificanceScore;
import dev.lakesentry.api.store.LedgerReader;
import dev.lakesentry.api.store.MetricsWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Significance scoring: a 0–100 score per work unit over the period ending at the as-of time, from
 * cost impact, run frequency and reliability ({@link ScoringWeights}), with badges. Replaces the
 * account's scores.
 */
public final class ScoringStage {
    static final double TOP_SPENDER = 45.0;
    static final BigDecimal GROWING = new BigDecimal("1.15");
    static final Duration LONG_RUNNING = Duration.ofMinutes(30);

    private final LedgerReader ledger;
    private final MetricsWriter writer;
    private final ScoringWeights weights;
    private final Duration period;

    /** @param period the scoring period, e.g. 30 days; the prior period of the same length decides Growing */
    public ScoringStage(LedgerReader ledger, MetricsWriter writer, ScoringWeights weights, Duration period) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.weights = Objects.requireNonNull(weights, "weights");
        this.period = Objects.requireNonNull(period, "period");
        if (period.toDays() < 1) {
            throw new IllegalArgumentException("The scoring period must be at least one day, was " + period);
        }
    }

    /** Scores the account's work units as of {@code asOf} and replaces its stored scores. */
    public List<SignificanceScore> run(String accountId, Instant asOf) {
        List<SignificanceScore> scores = score(accountId, asOf);
        writer.replaceScores(accountId, asOf, scores);
        return scores;
    }

    /** The scores, without writing them; ordered by score, highest first, ties by work unit key. */
    public List<SignificanceScore> score(String accountId, Instant asOf) {
        long days = period.toDays();
        LocalDate end = asOf.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate start = end.minusDays(days - 1);
        LocalDate priorStart = start.minusDays(days);
        Map<WorkUnitRef, BigDecimal> cost = new HashMap<>();
        Map<WorkUnitRef, BigDecimal> priorCost = new HashMap<>();
        Map<WorkUnitRef, Set<LocalDate>> activeDays = new HashMap<>();
        Map<WorkUnitRef, Map<LocalDate, BigDecimal>> daily = new HashMap<>();
        java.util.Currency currency = Money.USD;
        for (UsageLineItem u : ledger.usage(accountId, priorStart, end)) {
            if (u.workUnit() == null || u.listCost() == null) {
                continue;
            }
            currency = u.listCost().currency();
            if (u.usageDate().isBefore(start)) {
                priorCost.merge(u.workUnit(), u.listCost().amount(), BigDecimal::add);
            } else {
                cost.merge(u.workUnit(), u.listCost().amount(), BigDecimal::add);
                activeDays.computeIfAbsent(u.workUnit(), k -> new HashSet<>()).add(u.usageDate());
                daily.computeIfAbsent(u.workUnit(), k -> new TreeMap<>()).merge(u.usageDate(), u.listCost().amount(),
                        BigDecimal::add);
            }
        }
        Map<WorkUnitRef, List<WorkUnitRun>> runs = new HashMap<>();
        Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (WorkUnitRun r : ledger.runs(accountId, from, end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            runs.computeIfAbsent(r.workUnit(), k -> new ArrayList<>()).add(r);
        }
        BigDecimal max = cost.values().stream().filter(c -> c.signum() > 0).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        Map<WorkUnitRef, SignificanceScore> out = new TreeMap<>(Comparator.comparing(WorkUnitRef::key));
        for (Map.Entry<WorkUnitRef, BigDecimal> e : cost.entrySet()) {
            WorkUnitRef ref = e.getKey();
            BigDecimal c = e.getValue();
            double costScore = max.signum() > 0 && c.signum() > 0
                    ? Math.min(100.0, c.divide(max, MathContext.DECIMAL64).doubleValue() * 100.0) : 0.0;
            List<WorkUnitRun> rs = runs.getOrDefault(ref, List.of());
            double frequency;
            if (ref.type() == WorkUnitType.JOB || ref.type() == WorkUnitType.PIPELINE) {
                frequency = Math.min(1.0, rs.size() / (double) days) * 100.0;
            } else {
                frequency = activeDays.getOrDefault(ref, Set.of()).size() * 100.0 / days;
            }
            long finished = rs.stream().filter(WorkUnitRun::finished).count();
            long failed = rs.stream().filter(WorkUnitRun::failed).count();
            double reliability = finished == 0 ? 0.0 : failed * 100.0 / finished;
            double volatility = volatility(daily.getOrDefault(ref, Map.of()));
            double score = clamp(weights.cost() * costScore + weights.frequency() * frequency
                    + weights.reliability() * reliability + weights.volatility() * volatility);
            Set<Badge> badges = EnumSet.noneOf(Badge.class);
            if (score >= TOP_SPENDER) {
                badges.add(Badge.TOP_SPENDER);
            }
            BigDecimal prior = priorCost.getOrDefault(ref, BigDecimal.ZERO);
            if (prior.signum() > 0 && c.compareTo(prior.multiply(GROWING)) > 0) {
                badges.add(Badge.GROWING);
            }
            if (!rs.isEmpty()) {
                long avgMillis = (long) rs.stream().mapToLong(r -> r.duration().toMillis()).average().orElse(0);
                if (avgMillis > LONG_RUNNING.toMillis()) {
                    badges.add(Badge.LONG_RUNNING);
                }
            }
            Map<String, Double> components = new LinkedHashMap<>();
            components.put("cost", round(costScore));
            components.put("frequency", round(frequency));
            components.put("reliability", round(reliability));
            components.put("volatility", round(volatility));
            out.put(ref, new SignificanceScore(accountId, ref, asOf, round(score), new Money(c, currency), components, badges));
        }
        List<SignificanceScore> list = new ArrayList<>(out.values());
        list.sort(Comparator.comparingDouble(SignificanceScore::score).reversed()
                .thenComparing(s -> s.workUnit().key()));
        return List.copyOf(list);
    }

    /** (costliest day / median day − 1) × 20, capped at 100; 0 with fewer than three days of cost. */
    static double volatility(Map<LocalDate, BigDecimal> days) {
        List<BigDecimal> values = days.values().stream().filter(v -> v.signum() > 0).sorted().toList();
        if (values.size() < 3) {
            return 0.0;
        }
        BigDecimal median = values.get((values.size() - 1) / 2);
        BigDecimal max = values.get(values.size() - 1);
        double ratio = max.divide(median, MathContext.DECIMAL64).doubleValue();
        return clamp((ratio - 1.0) * 20.0);
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(100.0, v));
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
