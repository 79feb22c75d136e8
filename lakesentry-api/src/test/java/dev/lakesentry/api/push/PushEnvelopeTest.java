package dev.lakesentry.api.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushEnvelopeTest {

    private static final List<SourceRecord> RECORDS = List.of(SourceRecord.of(Map.of("record_id", "r1")));

    @Test
    void createComputesCountChecksumModeAndVersion() {
        PushEnvelope e = PushEnvelope.create("e-1", "c-1", "acc", SystemTable.BILLING_USAGE,
                new WatermarkRange(null, Instant.parse("2025-03-04T00:00:00Z")), RECORDS);
        assertThat(e.recordCount()).isEqualTo(1);
        assertThat(e.checksum()).isEqualTo(CanonicalRecords.checksum(RECORDS));
        assertThat(e.mode()).isEqualTo(ExtractionMode.INCREMENTAL);
        assertThat(e.schemaVersion()).isEqualTo(PushEnvelope.CURRENT_SCHEMA_VERSION);
        assertThat(e.toString()).contains("e-1").doesNotContain("r1");
    }

    @Test
    void refusesMissingFieldsByName() {
        assertThatThrownBy(() -> PushEnvelope.create(" ", "c", "a", SystemTable.CLUSTERS, null, RECORDS))
                .hasMessageContaining("PushEnvelope.extractionId");
        assertThatThrownBy(() -> PushEnvelope.create("e", null, "a", SystemTable.CLUSTERS, null, RECORDS))
                .hasMessageContaining("PushEnvelope.connectorId");
        assertThatThrownBy(() -> PushEnvelope.create("e", "c", "a", null, null, RECORDS))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void watermarkRangeMustBeOrdered() {
        assertThatThrownBy(() -> new WatermarkRange(Instant.parse("2025-03-05T00:00:00Z"), Instant.parse("2025-03-04T00:00:00Z")))
                .hasMessageContaining("WatermarkRange.to").hasMessageContaining("2025-03-04");
    }

    @Test
    void tokensNeverPrint() {
        BearerToken t = new BearerToken("dapi-secret-123");
        assertThat(t.toString()).doesNotContain("secret");
        assertThat(new WorkspaceConnectionProbe(t).toString()).doesNotContain("secret");
        assertThat(BearerToken.fromAuthorizationHeader("Bearer abc")).hasValueSatisfying(b -> assertThat(b.reveal()).isEqualTo("abc"));
        assertThat(BearerToken.fromAuthorizationHeader("Basic abc")).isEmpty();
        assertThat(BearerToken.fromAuthorizationHeader("Bearer   ")).isEmpty();
    }

    /** A record holding a token, as any record that embeds one prints it. */
    private record WorkspaceConnectionProbe(BearerToken token) {
    }
}
