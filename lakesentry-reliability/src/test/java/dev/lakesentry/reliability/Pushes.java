package dev.lakesentry.reliability;

import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.WatermarkRange;
import dev.lakesentry.testkit.contract.StoreFixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Billing pushes built in the test, as a collector would send them. */
final class Pushes {
    static final LocalDate DAY = StoreFixtures.DAY;

    private Pushes() {
    }

    /** {@code count} billing records of an account, record ids {@code <prefix>-0 …}; {@code quantity} as given. */
    static List<SourceRecord> billing(String accountId, String prefix, int count, String quantity) {
        List<SourceRecord> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> v = new LinkedHashMap<>(StoreFixtures.billingRecord(prefix + "-" + i, DAY, quantity).values());
            v.put("account_id", accountId);
            out.add(new SourceRecord(v));
        }
        return out;
    }

    static PushEnvelope envelope(String extractionId, String connectorId, String accountId, List<SourceRecord> records) {
        return PushEnvelope.create(extractionId, connectorId, accountId, SystemTable.BILLING_USAGE,
                new WatermarkRange(StoreFixtures.at(DAY, 0, 0), StoreFixtures.at(DAY.plusDays(1), 0, 0)), records);
    }
}
