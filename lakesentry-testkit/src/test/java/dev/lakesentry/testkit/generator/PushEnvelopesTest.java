package dev.lakesentry.testkit.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.api.push.CanonicalRecords;
import dev.lakesentry.api.push.ExtractionMode;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.testkit.generator.export.PushEnvelopes;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushEnvelopesTest {
    @Test
    void envelopesAreBoundedDeterministicAndCoverEveryRow() {
        GeneratedAccount account = AccountGenerator.generate(GeneratorConfig.small(42));
        List<PushEnvelope> envelopes = PushEnvelopes.forAccount(account, "conn-1", 5_000);
        List<PushEnvelope> again = PushEnvelopes.forAccount(AccountGenerator.generate(GeneratorConfig.small(42)),
                "conn-1", 5_000);
        assertThat(again).extracting(PushEnvelope::extractionId)
                .containsExactlyElementsOf(envelopes.stream().map(PushEnvelope::extractionId).toList());
        assertThat(again).extracting(PushEnvelope::checksum)
                .containsExactlyElementsOf(envelopes.stream().map(PushEnvelope::checksum).toList());
        assertThat(envelopes).extracting(PushEnvelope::extractionId).doesNotHaveDuplicates();

        Map<SystemTable, Long> records = new EnumMap<>(SystemTable.class);
        for (PushEnvelope e : envelopes) {
            records.merge(e.table(), e.recordCount(), Long::sum);
            assertThat(e.accountId()).isEqualTo(account.accountId());
            assertThat(e.connectorId()).isEqualTo("conn-1");
            assertThat(e.checksum()).isEqualTo(CanonicalRecords.checksum(e.records()));
            assertThat(e.mode()).isEqualTo(e.table().mode());
            if (e.table().mode() == ExtractionMode.SNAPSHOT) {
                assertThat(e.watermark()).isNull();
            } else {
                assertThat(e.records()).hasSizeLessThanOrEqualTo(5_000);
                assertThat(e.watermark()).isNotNull();
            }
        }
        for (SystemTable t : SystemTable.values()) {
            assertThat(records.get(t)).as(t.fullName()).isEqualTo(account.rows(t).size());
        }
        List<PushEnvelope> usage = envelopes.stream().filter(e -> e.table() == SystemTable.BILLING_USAGE).toList();
        for (int i = 1; i < usage.size(); i++) {
            assertThat(usage.get(i).watermark().from()).isAfterOrEqualTo(usage.get(i - 1).watermark().to()
                    .minusSeconds(86_400));
            assertThat(usage.get(i).watermark().to()).isAfterOrEqualTo(usage.get(i - 1).watermark().to());
        }
    }

    @Test
    void extractionIdsDependOnSeedTableAndChunk() {
        String a = PushEnvelopes.extractionId(1, "c", SystemTable.BILLING_USAGE, 0);
        assertThat(PushEnvelopes.extractionId(1, "c", SystemTable.BILLING_USAGE, 0)).isEqualTo(a);
        assertThat(PushEnvelopes.extractionId(2, "c", SystemTable.BILLING_USAGE, 0)).isNotEqualTo(a);
        assertThat(PushEnvelopes.extractionId(1, "c", SystemTable.BILLING_USAGE, 1)).isNotEqualTo(a);
        assertThat(PushEnvelopes.extractionId(1, "c", SystemTable.CLUSTERS, 0)).isNotEqualTo(a);
    }
}
