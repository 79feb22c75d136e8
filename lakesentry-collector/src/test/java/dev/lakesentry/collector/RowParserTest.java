package dev.lakesentry.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.push.ColumnType;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowParserTest {

    @Test
    void parsesEveryColumnTypeIntoItsJsonLikeForm() throws Exception {
        assertThat(RowParser.value(ColumnType.TIMESTAMP, "1741082400000")).isEqualTo("2025-03-04T10:00:00.000Z");
        assertThat(RowParser.value(ColumnType.TIMESTAMP, "2025-03-04T11:00:00.5+01:00")).isEqualTo("2025-03-04T10:00:00.500Z");
        assertThat(RowParser.value(ColumnType.DATE, "2025-03-04")).isEqualTo("2025-03-04");
        assertThat(RowParser.value(ColumnType.DECIMAL, "-4.250000000000000000")).isEqualTo("-4.250000000000000000");
        assertThat(RowParser.value(ColumnType.LONG, "91234567890")).isEqualTo(91234567890L);
        assertThat(RowParser.value(ColumnType.INT, "62")).isEqualTo(62L);
        assertThat(RowParser.value(ColumnType.DOUBLE, "6.41")).isEqualTo(new BigDecimal("6.41"));
        assertThat(RowParser.value(ColumnType.DOUBLE, "1.0E10")).isEqualTo(new BigDecimal("1.0E10"));
        assertThat(RowParser.value(ColumnType.BOOLEAN, "TRUE")).isEqualTo(true);
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("team", "a");
        expected.put("n", 1L);
        expected.put("x", null);
        assertThat(RowParser.value(ColumnType.MAP, "{\"team\":\"a\",\"n\":1,\"x\":null}")).isEqualTo(expected);
        assertThat(RowParser.value(ColumnType.ARRAY, "[\"c1\",2.5]")).isEqualTo(List.of("c1", new BigDecimal("2.5")));
        assertThat(RowParser.value(ColumnType.STRING, " keep spaces ")).isEqualTo(" keep spaces ");
    }

    @Test
    void reportsEveryBadValueWithTableRowColumnAndValue() {
        SystemTable t = SystemTable.NODE_TYPES;
        List<String> columns = List.of("account_id", "node_type", "core_count", "memory_mb", "gpu_count");
        List<List<String>> rows = new ArrayList<>();
        rows.add(Arrays.asList("acc", "i3.xlarge", "4.0", "31232", "0"));
        rows.add(Arrays.asList("acc", "g5.xlarge", "NaN?", "lots", null));

        assertThatThrownBy(() -> RowParser.parse(t, columns, rows)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.totalProblems()).isEqualTo(2);
            assertThat(e.problems().get(0).location()).isEqualTo("system.compute.node_types row 1");
            assertThat(e.problems().get(0).field()).isEqualTo("core_count");
            assertThat(e.problems().get(0).value()).isEqualTo("NaN?");
            assertThat(e.problems().get(1).field()).isEqualTo("memory_mb");
            assertThat(e.getMessage()).contains("row 1").contains("memory_mb").contains("lots");
        });
    }

    @Test
    void aMissingColumnIsNamed() {
        assertThatThrownBy(() -> RowParser.parse(SystemTable.NODE_TYPES, List.of("account_id", "node_type"), List.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("core_count");
    }

    @Test
    void rowsKeepTheTablesColumnOrderWhateverTheResultOrder() {
        List<SourceRecord> r = RowParser.parse(SystemTable.NODE_TYPES,
                List.of("gpu_count", "memory_mb", "core_count", "node_type", "account_id"),
                List.of(Arrays.asList("1", "16384", "4", "g5.xlarge", "acc")));
        assertThat(r.get(0).values().keySet()).containsExactly("account_id", "node_type", "core_count", "memory_mb", "gpu_count");
    }
}
