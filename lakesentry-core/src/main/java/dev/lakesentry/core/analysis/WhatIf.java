package dev.lakesentry.core.analysis;

import dev.lakesentry.api.metrics.CostAllocation;
import dev.lakesentry.api.metrics.OwnerKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a changed rule set would move: per owner the cost before and after, and the amounts that
 * would move from one owner to another, computed per line item (a decrease of one owner's share
 * flows to the owners whose share grows, in proportion). Nothing is written.
 *
 * @param byOwner per owner ({@code kind:name}) before, after and change
 * @param moves   from owner to owner, the amount that would move
 */
public record WhatIf(Map<String, OwnerChange> byOwner, List<Move> moves) {

    /** One owner's cost before and after. */
    public record OwnerChange(BigDecimal before, BigDecimal after) {
        public BigDecimal change() {
            return after.subtract(before);
        }
    }

    /** An amount moving from one owner to another. */
    public record Move(String from, String to, BigDecimal amount) {
    }

    static WhatIf compare(List<CostAllocation> before, List<CostAllocation> after) {
        Map<String, OwnerChange> byOwner = new TreeMap<>();
        Map<String, Map<String, BigDecimal>> perRecordBefore = perRecord(before);
        Map<String, Map<String, BigDecimal>> perRecordAfter = perRecord(after);
        for (CostAllocation a : before) {
            byOwner.merge(owner(a), new OwnerChange(a.amount().amount(), BigDecimal.ZERO),
                    (x, y) -> new OwnerChange(x.before().add(y.before()), x.after().add(y.after())));
        }
        for (CostAllocation a : after) {
            byOwner.merge(owner(a), new OwnerChange(BigDecimal.ZERO, a.amount().amount()),
                    (x, y) -> new OwnerChange(x.before().add(y.before()), x.after().add(y.after())));
        }
        Map<String, BigDecimal> flows = new TreeMap<>();
        java.util.Set<String> records = new java.util.TreeSet<>(perRecordBefore.keySet());
        records.addAll(perRecordAfter.keySet());
        for (String record : records) {
            Map<String, BigDecimal> b = perRecordBefore.getOrDefault(record, Map.of());
            Map<String, BigDecimal> a = perRecordAfter.getOrDefault(record, Map.of());
            Map<String, BigDecimal> delta = new TreeMap<>();
            b.forEach((o, v) -> delta.merge(o, v.negate(), BigDecimal::add));
            a.forEach((o, v) -> delta.merge(o, v, BigDecimal::add));
            BigDecimal gained = delta.values().stream().filter(v -> v.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (gained.signum() == 0) {
                continue;
            }
            for (Map.Entry<String, BigDecimal> loss : delta.entrySet()) {
                if (loss.getValue().signum() >= 0) {
                    continue;
                }
                for (Map.Entry<String, BigDecimal> gain : delta.entrySet()) {
                    if (gain.getValue().signum() <= 0) {
                        continue;
                    }
                    BigDecimal amount = loss.getValue().negate().multiply(gain.getValue())
                            .divide(gained, java.math.MathContext.DECIMAL128);
                    flows.merge(loss.getKey() + "\u0000" + gain.getKey(), amount, BigDecimal::add);
                }
            }
        }
        List<Move> moves = new ArrayList<>();
        flows.forEach((k, v) -> {
            String[] parts = k.split("\u0000");
            moves.add(new Move(parts[0], parts[1], v.setScale(2, java.math.RoundingMode.HALF_EVEN)));
        });
        return new WhatIf(byOwner, moves);
    }

    private static Map<String, Map<String, BigDecimal>> perRecord(List<CostAllocation> allocations) {
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        for (CostAllocation a : allocations) {
            out.computeIfAbsent(a.recordId(), k -> new TreeMap<>()).merge(owner(a), a.amount().amount(), BigDecimal::add);
        }
        return out;
    }

    static String owner(CostAllocation a) {
        return (a.ownerKind() == OwnerKind.TEAM ? "team:" : a.ownerKind() == OwnerKind.SHARED_BUCKET ? "bucket:" : "")
                + a.owner();
    }
}
