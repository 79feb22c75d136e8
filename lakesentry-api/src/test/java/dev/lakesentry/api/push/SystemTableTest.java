package dev.lakesentry.api.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SystemTableTest {

    @ParameterizedTest
    @EnumSource(SystemTable.class)
    void naturalKeyAndWatermarkAreRequiredColumns(SystemTable table) {
        for (String key : table.naturalKey()) {
            assertThat(table.column(key)).as(table + " key " + key).hasValueSatisfying(c -> assertThat(c.required()).isTrue());
        }
        table.watermarkColumn().ifPresent(w ->
                assertThat(table.column(w)).as(table + " watermark").hasValueSatisfying(c -> assertThat(c.required()).isTrue()));
        assertThat(table.watermarkColumn().isPresent()).isEqualTo(table.mode() == ExtractionMode.INCREMENTAL);
        assertThat(table.column("account_id")).isPresent();
        Set<String> names = new HashSet<>();
        table.columns().forEach(c -> assertThat(names.add(c.name())).as("duplicate column " + c.name()).isTrue());
    }

    @Test
    void factsFromTheReference() {
        assertThat(SystemTable.values()).hasSize(15);
        assertThat(SystemTable.BILLING_USAGE.fullName()).isEqualTo("system.billing.usage");
        assertThat(SystemTable.BILLING_USAGE.watermarkColumn()).contains("ingestion_date");
        assertThat(SystemTable.BILLING_USAGE.scope()).isEqualTo(TableScope.ACCOUNT);
        assertThat(SystemTable.BILLING_USAGE.naturalKey()).containsExactly("record_id");
        assertThat(SystemTable.LIST_PRICES.mode()).isEqualTo(ExtractionMode.SNAPSHOT);
        assertThat(SystemTable.LIST_PRICES.naturalKey())
                .containsExactly("sku_name", "cloud", "currency_code", "usage_unit", "price_start_time");
        assertThat(SystemTable.WORKSPACES_LATEST.scope()).isEqualTo(TableScope.ACCOUNT);
        assertThat(SystemTable.CLUSTERS.naturalKey()).containsExactly("workspace_id", "cluster_id", "change_time");
        assertThat(SystemTable.JOB_RUN_TIMELINE.watermarkColumn()).contains("period_end_time");
        assertThat(SystemTable.QUERY_HISTORY.scope()).isEqualTo(TableScope.REGIONAL);
        assertThat(SystemTable.BILLING_USAGE.column("usage_quantity")).hasValueSatisfying(c ->
                assertThat(c.type()).isEqualTo(ColumnType.DECIMAL));
        assertThat(SystemTable.BILLING_USAGE.column("usage_metadata")).hasValueSatisfying(c ->
                assertThat(c.type().isNested()).isTrue());
    }

    @Test
    void findsTablesByFullName() {
        assertThat(SystemTable.byFullName(" SYSTEM.compute.CLUSTERS ")).contains(SystemTable.CLUSTERS);
        assertThat(SystemTable.byFullName("system.billing.nope")).isEmpty();
        assertThat(SystemTable.byFullName(null)).isEmpty();
    }
}
