package dev.lakesentry.testkit.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.testkit.generator.export.ExportFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The truth's expected costs against a second, independent computation: re-read the exported JSON
 * Lines files with plain Jackson and sum quantity × effective list price per day, workspace and SKU.
 */
class ExpectedCostTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Price(String sku, String cloud, String unit, String currency, Instant from, Instant to,
                         BigDecimal price) {
    }

    @Test
    void expectedCostsEqualAnIndependentSumOverTheExportedRows(@TempDir Path dir) throws IOException {
        GeneratedAccount account = AccountGenerator.generate(GeneratorConfig.small(42));
        ExportFiles.write(account, dir, ExportFiles.Format.JSONL);

        List<Price> prices = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("system.billing.list_prices.jsonl"))) {
            JsonNode p = JSON.readTree(line);
            prices.add(new Price(p.get("sku_name").asText(), p.get("cloud").asText(), p.get("usage_unit").asText(),
                    p.get("currency_code").asText(), Instant.parse(p.get("price_start_time").asText()),
                    p.get("price_end_time").isNull() ? Instant.MAX : Instant.parse(p.get("price_end_time").asText()),
                    new BigDecimal(p.get("pricing").get("effective_list").get("default").asText())));
        }
        Map<String, BigDecimal> cost = new HashMap<>();
        Map<String, BigDecimal> unpriced = new HashMap<>();
        BigDecimal netQuantity = BigDecimal.ZERO;
        try (var lines = Files.lines(dir.resolve("system.billing.usage.jsonl"))) {
            for (String line : (Iterable<String>) lines::iterator) {
                JsonNode u = JSON.readTree(line);
                BigDecimal q = new BigDecimal(u.get("usage_quantity").asText());
                netQuantity = netQuantity.add(q);
                Instant end = Instant.parse(u.get("usage_end_time").asText());
                String key = u.get("usage_date").asText() + "|" + u.get("workspace_id").asText() + "|"
                        + u.get("sku_name").asText();
                List<Price> match = prices.stream().filter(p -> p.sku.equals(u.get("sku_name").asText())
                        && p.cloud.equals(u.get("cloud").asText()) && p.unit.equals(u.get("usage_unit").asText())
                        && p.currency.equals("USD") && !end.isBefore(p.from) && end.isBefore(p.to)).toList();
                assertThat(match).hasSizeLessThanOrEqualTo(1);
                if (match.isEmpty()) {
                    unpriced.merge(key, q, BigDecimal::add);
                } else {
                    // Each line rounded to 18 decimal places, half away from zero, as a ledger line stores it.
                    cost.merge(key + "|USD", q.multiply(match.get(0).price).setScale(18, RoundingMode.HALF_UP),
                            BigDecimal::add);
                }
            }
        }
        Map<String, BigDecimal> truth = new HashMap<>();
        for (ExpectedCost c : account.truth().expectedCosts()) {
            truth.put(c.usageDate() + "|" + c.workspaceId() + "|" + c.skuName() + "|" + c.currencyCode(), c.cost());
        }
        assertThat(truth.keySet()).isEqualTo(cost.keySet());
        cost.forEach((k, v) -> {
            assertThat(truth.get(k)).as(k).isEqualByComparingTo(v);
            assertThat(truth.get(k).setScale(2, RoundingMode.HALF_EVEN)).as(k)
                    .isEqualTo(v.setScale(2, RoundingMode.HALF_EVEN));
        });
        Map<String, BigDecimal> truthUnpriced = new HashMap<>();
        account.truth().unpricedUsage().forEach(u -> truthUnpriced.put(u.usageDate() + "|" + u.workspaceId() + "|"
                + u.skuName(), u.quantity()));
        assertThat(truthUnpriced.keySet()).isEqualTo(unpriced.keySet()).isNotEmpty();
        unpriced.forEach((k, v) -> assertThat(truthUnpriced.get(k)).isEqualByComparingTo(v));

        BigDecimal truthQuantity = account.truth().expectedCosts().stream().map(ExpectedCost::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(account.truth().unpricedUsage().stream().map(UnpricedUsage::quantity)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(truthQuantity).isEqualByComparingTo(netQuantity);
    }

    @Test
    void correctionsChangeTheirDayByTheRestatedDifference() {
        GeneratedAccount account = AccountGenerator.generate(GeneratorConfig.small(42));
        BigDecimal originals = BigDecimal.ZERO;
        BigDecimal all = BigDecimal.ZERO;
        for (var r : account.rows(SystemTable.BILLING_USAGE)) {
            BigDecimal q = new BigDecimal((String) r.values().get("usage_quantity"));
            all = all.add(q);
            if ("ORIGINAL".equals(r.values().get("record_type"))) {
                originals = originals.add(q);
            }
        }
        BigDecimal expectedDelta = BigDecimal.ZERO;
        for (CorrectionGroup g : account.truth().corrections()) {
            expectedDelta = expectedDelta.add(g.restatedQuantity()).subtract(g.originalQuantity());
        }
        assertThat(all.subtract(originals)).isEqualByComparingTo(expectedDelta);
        assertThat(expectedDelta.signum()).isNotZero();
    }
}
