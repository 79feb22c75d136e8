package dev.lakesentry.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabricksSqlTest {

    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @Test
    void namedParametersBecomeTypedMarkersInOrderOutsideLiterals() {
        DatabricksSql.Translation t = DatabricksSql.translate(
                "SELECT ':not_a_param', x::int FROM t WHERE a >= :since AND b < :until AND c = :since -- :comment",
                Map.of("since", new SqlParameter("since", "2025-03-01", "DATE"),
                        "until", new SqlParameter("until", "2025-03-02T00:00:00Z", "TIMESTAMP")),
                NOW);

        assertThat(t.sql()).isEqualTo("SELECT ':not_a_param', x::int FROM t WHERE a >= CAST(? AS DATE) AND "
                + "b < CAST(? AS TIMESTAMP WITH TIME ZONE) AND c = CAST(? AS DATE) -- :comment");
        assertThat(t.parameterOrder()).containsExactly("since", "until", "since");
    }

    @Test
    void rewritesIntervalsQuotesAndClockFunctions() {
        DatabricksSql.Translation t = DatabricksSql.translate(
                "SELECT `record_id`, \"it's\" FROM system.billing.usage WHERE ts > current_timestamp() - INTERVAL 4 HOURS "
                        + "AND d >= current_date - INTERVAL 1 WEEK AND note = 'current_date()'",
                Map.of(), NOW);

        assertThat(t.sql()).isEqualTo("SELECT \"record_id\", 'it''s' FROM system.billing.usage WHERE "
                + "ts > TIMESTAMP WITH TIME ZONE '2025-03-10T12:00Z' - INTERVAL '4' HOUR "
                + "AND d >= DATE '2025-03-10' - INTERVAL '7' DAY AND note = 'current_date()'");
    }

    @Test
    void unboundParameterIsNamed() {
        assertThatThrownBy(() -> DatabricksSql.translate("SELECT :missing", Map.of(), NOW))
                .hasMessageContaining("UNBOUND_SQL_PARAMETER").hasMessageContaining("missing");
    }

    @Test
    void loadingABadValueNamesTableRowAndColumn() {
        try (DatabricksEmulator emulator = DatabricksEmulator.start()) {
            SourceRecord bad = SourceRecord.of(Map.of("record_id", "r1", "usage_start_time", "yesterday"));
            assertThatThrownBy(() -> emulator.load(SystemTable.BILLING_USAGE, List.of(bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("system.billing.usage").hasMessageContaining("usage_start_time")
                    .hasMessageContaining("yesterday");
            assertThat(emulator.rowCount(SystemTable.BILLING_USAGE)).isZero();
        }
    }
}
