package dev.lakesentry.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakesentry.api.ledger.PriceStatus;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.runner.report.CostExport;
import dev.lakesentry.store.jdbc.JdbcStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end on a fresh embedded store, with the sample plugin loaded from a plugin
 * directory; then the read commands on that store, and the cost totals: export, ledger and report agree
 * to the cent.
 */
class DemoEndToEndTest {
    @TempDir
    static Path tmp;
    static Path data;
    static Path report;
    static Cli.Result demo;

    @BeforeAll
    static void runTheDemo() {
        DemoRun run = DemoRun.get();
        data = run.data;
        report = run.report;
        demo = run.result;
    }

    private static Cli.Result run(String... args) {
        return DemoRun.get().run(args);
    }

    @Test
    void theDemoPrintsTeamsSkusWorkUnitsInsightsAndPlans() {
        assertThat(demo.code()).as(demo.toString()).isZero();
        assertThat(demo.out()).contains("Spend by team", "data-eng", "unattributed", "Spend by SKU", "PREMIUM_",
                "Top work units by significance", "Insights: ", "evidence: ", "Plans: ", "estimated savings", "Report: ");
        assertThat(demo.err()).contains("[1/4]", "[4/4]", "100%");
    }

    @Test
    void theDemoWritesTheReport() throws IOException {
        assertThat(report).isRegularFile();
        String html = Files.readString(report);
        assertThat(html).contains("<svg", "id=\"chart-daily-spend\"", "id=\"insights-table\"", "id=\"plans-table\"")
                .doesNotContain("<script", "http://", "https://", "@import", "url(");
    }

    @Test
    void theDemoShowsThePluginsInsight() {
        assertThat(demo.out()).contains("com.example.untagged-spend");
        Cli.Result insights = run("insights");
        assertThat(insights.out()).contains("untagged-spend");
    }

    @Test
    void exportCostsBySkuEqualsTheLedgerAndTheReportToTheCent() throws IOException {
        Cli.Result csv = run("export-costs", "--by", "sku", "--format", "csv");
        assertThat(csv.code()).as(csv.toString()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(
                "usage_date,account_id,workspace_id,sku_name,usage_unit,quantity,list_cost,currency,provisional,unpriced_rows");
        Map<String, BigDecimal> exported = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f).hasSize(10);
            if (!f[7].isEmpty()) {
                exported.merge(f[7], new BigDecimal(f[6]), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> ledger = new TreeMap<>();
        String account;
        try (JdbcStore store = JdbcStore.embedded(data)) {
            account = store.rawReader().accounts().get(0);
            for (UsageLineItem u : store.ledgerReader().usage(account, CostExport.FIRST_DAY, CostExport.LAST_DAY)) {
                if (u.priceStatus() == PriceStatus.PRICED) {
                    ledger.merge(u.listCost().currency().getCurrencyCode(), u.listCost().amount(), BigDecimal::add);
                }
            }
        }
        assertThat(exported.keySet()).isEqualTo(ledger.keySet()).contains("USD");
        exported.forEach((cur, v) -> assertThat(v).isEqualByComparingTo(ledger.get(cur)));

        String html = Files.readString(report);
        BigDecimal reportTotal = amount(html, "total-USD");
        assertThat(cents(reportTotal)).isEqualTo(cents(exported.get("USD")));
        assertThat(html).contains(">" + String.format(java.util.Locale.ROOT, "%,.2f", cents(exported.get("USD"))) + " USD<");
    }

    @Test
    void exportCostsByTeamAddsUpToTheBilledCostOfEachDayToTheCentWithTheUnattributedRow() throws IOException {
        Cli.Result csv = run("export-costs", "--by", "team");
        assertThat(csv.code()).as(csv.toString()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("usage_date,account_id,team,cost,currency,provisional");
        Map<String, BigDecimal> teamByDay = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        boolean unattributed = false;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            teamByDay.merge(f[0], new BigDecimal(f[3]), BigDecimal::add);
            total = total.add(new BigDecimal(f[3]));
            unattributed |= f[2].equals("unattributed");
        }
        assertThat(unattributed).isTrue();
        Map<String, BigDecimal> billedByDay = new TreeMap<>();
        run("export-costs", "--by", "sku").out().lines().skip(1).map(l -> l.split(",", -1)).filter(f -> f[7].equals("USD"))
                .forEach(f -> billedByDay.merge(f[0], new BigDecimal(f[6]), BigDecimal::add));
        billedByDay.values().removeIf(v -> cents(v).signum() == 0);
        teamByDay.values().removeIf(v -> cents(v).signum() == 0);
        assertThat(teamByDay.keySet()).isEqualTo(billedByDay.keySet());
        teamByDay.forEach((day, v) -> assertThat(cents(v)).as(day).isEqualTo(cents(billedByDay.get(day))));
        // the report's team total is the sum of those days, each rounded to the cent by the attribution
        assertThat(cents(total)).isEqualTo(cents(amount(Files.readString(report), "team-total-USD")));
    }

    @Test
    void insightsAndPlansAsJsonAndTables() throws IOException {
        Cli.Result json = run("insights", "--format", "json");
        assertThat(json.code()).as(json.toString()).isZero();
        JsonNode insights = new ObjectMapper().readTree(json.out());
        assertThat(insights.size()).isPositive();
        assertThat(insights.get(0).get("id").asText()).startsWith("ins-");
        Cli.Result plans = run("plans", "--format", "json");
        assertThat(new ObjectMapper().readTree(plans.out()).get(0).get("plan").get("id").asText()).startsWith("plan-");
        assertThat(run("plans").out()).contains("SAVING/MONTH", "plan-");
    }

    @Test
    void explainShowsTheEvidenceAndLedgerRowsOfAnInsightAndACostLine() throws IOException {
        String id = new ObjectMapper().readTree(run("insights", "--format", "json").out()).get(0).get("id").asText();
        Cli.Result explained = run("explain", id);
        assertThat(explained.code()).as(explained.toString()).isZero();
        assertThat(explained.out()).contains("Insight " + id, "Evidence: ", "Ledger rows (");
        String line = run("export-costs").out().lines().skip(1).filter(l -> !l.split(",", -1)[7].isEmpty()).findFirst().orElseThrow();
        String[] f = line.split(",", -1);
        Cli.Result cost = run("explain", f[0] + "/" + f[2] + "/" + f[3]);
        assertThat(cost.code()).as(cost.toString()).isZero();
        assertThat(cost.out()).contains("Cost line", "ledger_usage_line_item", "Attribution (");
    }

    @Test
    void statusShowsConnectorHealthAndEachStagesLastRun() {
        Cli.Result status = run("status");
        assertThat(status.code()).as(status.toString()).isZero();
        assertThat(status.out()).contains("demo-generator", "system.billing.usage", "ingestion", "transformation", "analysis",
                "SUCCEEDED");
    }

    @Test
    void reportCommandWritesTheSameTotals() throws IOException {
        Path again = tmp.resolve("again.html");
        Cli.Result r = run("report", "--out", again.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(amount(Files.readString(again), "total-USD")).isEqualByComparingTo(amount(Files.readString(report), "total-USD"));
    }

    static BigDecimal amount(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\" data-amount=\"([-0-9.]+)\"").matcher(html);
        assertThat(m.find()).as("the report has %s", id).isTrue();
        return new BigDecimal(m.group(1));
    }

    static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
