package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a synthetic Databricks account: rows for every {@link SystemTable} and the labelled
 * {@link GroundTruth}, deterministically from a {@link GeneratorConfig}.
 *
 * <pre>{@code
 * GeneratedAccount account = AccountGenerator.generate(GeneratorConfig.small(42));
 * List<SourceRecord> usage = account.rows(SystemTable.BILLING_USAGE);
 * GroundTruth truth = account.truth();
 *
 * // large accounts: stream rows to files instead of holding them
 * try (ExportFiles files = ExportFiles.open(dir, ExportFiles.Format.JSONL)) {
 *     GroundTruth t = AccountGenerator.generate(GeneratorConfig.large(7), files);
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AccountGenerator {
    private AccountGenerator() {
    }

    /**
     * Streams every row to the sink (reference tables first, then workspace by workspace) and returns
     * the truth. Memory stays bounded by one entity's simulation, whatever the profile.
     */
    public static GroundTruth generate(GeneratorConfig config, RowSink sink) {
        Ctx ctx = new Ctx(config, sink);
        listPrices(ctx);
        nodeTypes(ctx);
        List<Ws> workspaces = new ArrayList<>();
        for (int i = 0; i < config.workspaces(); i++) {
            workspaces.add(new Ws(ctx, i));
        }
        for (Ws ws : workspaces) {
            ctx.emit(Row.of(SystemTable.WORKSPACES_LATEST)
                    .set("account_id", ctx.accountId)
                    .set("workspace_id", ws.id)
                    .set("workspace_name", ws.name)
                    .set("workspace_url", ws.url)
                    .set("create_time", Fmt.ts(ws.createTime))
                    .set("status", "RUNNING"));
        }
        for (Ws ws : workspaces) {
            new WorkspaceSim(ctx, ws).run();
        }
        return ctx.truth();
    }

    /** Generates the whole account in memory; meant for the small and demo profiles. */
    public static GeneratedAccount generate(GeneratorConfig config) {
        EnumMap<SystemTable, List<SourceRecord>> tables = new EnumMap<>(SystemTable.class);
        for (SystemTable t : SystemTable.values()) {
            tables.put(t, new ArrayList<>());
        }
        GroundTruth truth = generate(config, (table, row) -> tables.get(table).add(row));
        return new GeneratedAccount(config, tables, truth);
    }

    private static void listPrices(Ctx ctx) {
        for (Catalog.Price p : Catalog.prices(ctx.cfg)) {
            Map<String, Object> promo = new LinkedHashMap<>();
            promo.put("default", p.promotional());
            Map<String, Object> effective = new LinkedHashMap<>();
            effective.put("default", p.effective());
            Map<String, Object> pricing = new LinkedHashMap<>();
            pricing.put("default", p.listDefault());
            pricing.put("promotional", promo);
            pricing.put("effective_list", effective);
            ctx.emit(Row.of(SystemTable.LIST_PRICES)
                    .set("price_start_time", Fmt.ts(p.start()))
                    .set("price_end_time", p.end() == null ? null : Fmt.ts(p.end()))
                    .set("account_id", ctx.accountId)
                    .set("sku_name", p.sku())
                    .set("cloud", p.cloud())
                    .set("currency_code", Catalog.USD)
                    .set("usage_unit", Catalog.DBU)
                    .set("pricing", pricing));
        }
    }

    private static void nodeTypes(Ctx ctx) {
        for (Catalog.Node n : Catalog.NODES) {
            ctx.emit(Row.of(SystemTable.NODE_TYPES)
                    .set("account_id", ctx.accountId)
                    .set("node_type", n.name())
                    .set("core_count", n.cores())
                    .set("memory_mb", n.memoryMb())
                    .set("gpu_count", n.gpus()));
        }
    }
}
