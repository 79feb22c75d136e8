package dev.lakesentry.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.Problem;
import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.metrics.Confidence;
import dev.lakesentry.api.metrics.CostAllocation;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.stage.Partition;
import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.store.jdbc.JdbcStore;
import dev.lakesentry.testkit.generator.AccountGenerator;
import dev.lakesentry.testkit.generator.GeneratedAccount;
import dev.lakesentry.testkit.generator.GeneratorConfig;
import dev.lakesentry.testkit.generator.export.PushEnvelopes;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attribution by rules on the small synthetic account: known allocations, rule files, ties and what-if. */
class AttributionTest {
    private static final LocalDate FROM = LocalDate.of(2000, 1, 1);
    private static final LocalDate TO = LocalDate.of(2100, 1, 1);
    private static GeneratedAccount account;
    private static JdbcStore store;
    private static LakeSentry lakeSentry;

    @TempDir
    Path dir;

    @BeforeAll
    static void run() {
        account = AccountGenerator.generate(GeneratorConfig.small(42));
        store = JdbcStore.inMemory("attribution");
        RuleSet rules = RuleFiles.parse(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of(
                "rules", List.of(Map.of("id", "team-tag", "priority", 10, "match", Map.of("tags", Map.of("team", "*")),
                        "team_from_tag", "team")))), "test rules");
        lakeSentry = LakeSentry.builder().store(store).attributionRules(rules)
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
        var token = lakeSentry.tokens().issue("conn-1", account.accountId()).token();
        for (PushEnvelope e : PushEnvelopes.forAccount(account, "conn-1", 5_000)) {
            lakeSentry.ingestion().push(e, token);
        }
        lakeSentry.runOnce(account.accountId());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void taggedUsageGoesToItsTagsTeamExactly() {
        Map<String, UsageLineItem> items = store.ledgerReader().usage(account.accountId(), FROM, TO).stream()
                .collect(Collectors.toMap(UsageLineItem::recordId, u -> u));
        List<CostAllocation> allocations = store.metricsReader().allocations(account.accountId(), FROM, TO);
        assertThat(allocations).isNotEmpty();
        long tagged = 0;
        for (CostAllocation a : allocations) {
            UsageLineItem item = items.get(a.recordId());
            String team = item.customTags().get("team");
            if (team != null) {
                tagged++;
                assertThat(a.owner()).isEqualTo(team);
                assertThat(a.ruleId()).isEqualTo("team-tag");
                assertThat(a.confidence()).isEqualTo(Confidence.EXACT);
            }
        }
        assertThat(tagged).isPositive();
        assertThat(allocations).extracting(CostAllocation::ruleId).contains("fallback:unattributed");
    }

    @Test
    void badRuleFilesFailNamingFileRuleAndField() throws IOException {
        Path json = Files.writeString(dir.resolve("rules.json"), """
                {"rules": [
                  {"id": "split", "match": {"sku": ["*JOBS*"]}, "split": {"a": 60, "b": 30}},
                  {"id": "two-actions", "match": {"workspace": "1"}, "team": "a", "bucket": "b"},
                  {"id": "no-match", "team": "a"},
                  {"id": "typo", "match": {"skuu": ["x"]}, "team": "a"}
                ]}""");
        assertThatThrownBy(() -> RuleFiles.load(json)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.problems()).extracting(Problem::location).allMatch(l -> l.contains(json.toString()));
            assertThat(e.problems()).extracting(p -> p.location() + " " + p.field()).contains(
                    "rules file " + json + " rule 'split' split",
                    "rules file " + json + " rule 'two-actions' team|team_from_tag|split|bucket",
                    "rules file " + json + " rule 'no-match' match",
                    "rules file " + json + " rule 'typo' match.skuu");
        });
        Path yaml = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - id: storage
                    match: {product: [DEFAULT_STORAGE]}
                    bucket: shared-storage
                  - id: storage
                    match: {product: [X]}
                    team: a
                """);
        assertThatThrownBy(() -> RuleFiles.load(yaml)).hasMessageContaining("rule 'storage'").hasMessageContaining("two rules");
        Path ok = Files.writeString(dir.resolve("ok.yml"), """
                workspace_default_teams: {"1234": analytics}
                rules:
                  - id: platform
                    priority: 5
                    match: {sku: ["*ALL_PURPOSE*"]}
                    split: {data-eng: 60, analytics: 40}
                """);
        RuleSet set = RuleFiles.load(ok);
        assertThat(set.rules()).singleElement().satisfies(r -> assertThat(r.split()).containsEntry("data-eng", new BigDecimal("60")));
        assertThat(set.workspaceDefaultTeams()).containsEntry("1234", "analytics");
    }

    @Test
    void tiesAreBrokenByIdSoRunsAreDeterministic() {
        RuleMatch all = new RuleMatch(null, null, null, null, null, null, null, List.of("*"), null);
        AttributionEngine engine = new AttributionEngine(List.of(RuleDefinition.assign("zeta", 50, all, "z"),
                RuleDefinition.assign("alpha", 50, all, "a")), Map.of());
        LocalDate day = store.ledgerReader().usage(account.accountId(), FROM, TO).get(0).usageDate();
        List<CostAllocation> out = engine.allocate(new LedgerSnapshot(store.ledgerReader(), account.accountId(), day, day));
        assertThat(out).isNotEmpty().allSatisfy(a -> assertThat(a.ruleId()).isEqualTo("alpha"));
        assertThat(engine.allocate(new LedgerSnapshot(store.ledgerReader(), account.accountId(), day, day))).isEqualTo(out);
    }

    @Test
    void whatIfEqualsApplyingTheRulesAndDiffing() {
        Partition all = new Partition(account.accountId(), FROM, TO);
        RuleMatch jobs = new RuleMatch(null, null, null, null, null, null, null, List.of("*JOBS*"), null);
        RuleSet changed = new RuleSet(List.of(RuleDefinition.assign("jobs-to-platform", 1, jobs, "platform")), Map.of());
        List<CostAllocation> before = store.metricsReader().allocations(account.accountId(), FROM, TO);
        WhatIf whatIf = lakeSentry.attribution().whatIf(changed, all);

        AttributionStage applied = new AttributionStage(store.ledgerReader(), store.metricsReader(), store.metricsWriter(),
                changed, List.of());
        List<CostAllocation> after = applied.preview(all);
        Map<String, BigDecimal> diff = new TreeMap<>();
        before.forEach(a -> diff.merge(WhatIf.owner(a), a.amount().amount().negate(), BigDecimal::add));
        after.forEach(a -> diff.merge(WhatIf.owner(a), a.amount().amount(), BigDecimal::add));
        Map<String, BigDecimal> reported = new TreeMap<>();
        whatIf.byOwner().forEach((o, c) -> reported.put(o, c.change()));
        diff.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
        reported.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
        assertThat(reported).isEqualTo(diff);
        assertThat(reported.get("team:platform")).isPositive();
        assertThat(whatIf.moves()).anySatisfy(m -> assertThat(m.to()).isEqualTo("team:platform"));
        assertThat(store.metricsReader().allocations(account.accountId(), FROM, TO)).as("what-if writes nothing")
                .isEqualTo(before);
    }
}
