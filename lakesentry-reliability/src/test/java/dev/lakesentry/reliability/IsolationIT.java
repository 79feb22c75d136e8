package dev.lakesentry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.store.jdbc.JdbcStore;
import dev.lakesentry.testkit.generator.GroundTruth;
import dev.lakesentry.testkit.generator.export.ExportFiles;
import dev.lakesentry.testkit.generator.export.GenerateFiles;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Scenario 5: two accounts in one PostgreSQL store. A token of account A cannot push data for account B, and
 * nothing of B shows through A's HTTP status or the runner's account-scoped commands.
 */
class IsolationIT {
    private static final Pattern WORKSPACE = Pattern.compile("\"workspace_id\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void accountAsTokenAndCommandsSeeNothingOfAccountB() throws IOException {
        Path dir = Fixtures.newDir("isolation");
        Stores.Target target = Stores.postgres(dir);
        Path logs = dir.resolve("logs");
        String a = Fixtures.truth().accountId();
        Path dataB = Fixtures.newDir("data-b");
        GroundTruth truthB = GenerateFiles.generate(Fixtures.config(Fixtures.SEED + 100, "acc-b-isolation").toBuilder().days(7).timelineRetentionDays(1).build(), dataB,
                ExportFiles.Format.JSONL);
        String b = truthB.accountId();
        RunnerProcess.run(logs, "import-a", target.quiet("import", Fixtures.data().toString())).assertOk();
        RunnerProcess.run(logs, "import-b", target.quiet("import", dataB.toString())).assertOk();
        RunnerProcess.run(logs, "run-a", target.quiet("--account", a, "run")).assertOk();
        RunnerProcess.run(logs, "run-b", target.quiet("--account", b, "run")).assertOk();

        Set<String> onlyB = new LinkedHashSet<>(workspaces(dataB));
        onlyB.removeAll(workspaces(Fixtures.data()));
        List<String> insightsB = new ArrayList<>();
        long rowsB;
        try (JdbcStore store = target.open()) {
            store.insightReader().insights(b).stream().map(Insight::id).forEach(insightsB::add);
            rowsB = store.rawReader().rowCount(b, SystemTable.BILLING_USAGE);
        }
        assertThat(insightsB).as("account B has insights to leak").isNotEmpty();
        List<String> secretsOfB = new ArrayList<>(List.of(b));
        secretsOfB.addAll(onlyB);
        secretsOfB.addAll(insightsB);

        String tokenA = RunnerProcess.run(logs, "token-a", target.quiet("--account", a, "token", "create", "--connector", "iso-a"))
                .assertOk().out().strip();
        RunnerProcess.run(logs, "token-b", target.quiet("--account", b, "token", "create", "--connector", "iso-b")).assertOk();
        RunnerProcess serve = RunnerProcess.start(logs, "serve", target.quiet("serve", "--port", "0", "--interval", "PT1H"));
        List<String> figures = new ArrayList<>();
        try {
            Http http = Http.of(serve);
            HttpResponse<String> asB = http.push(tokenA, Pushes.envelope("iso-1", "iso-a", b, Pushes.billing(b, "iso-b", 5, "2.5")).toJson());
            assertThat(asB.statusCode()).as("A's token pushing for B: %s", asB.body()).isEqualTo(401);
            assertThat(asB.body()).doesNotContain(tokenA);
            figures.add("| push for account B with A's token (connector of A) | " + asB.statusCode() + " |");
            HttpResponse<String> asBConnector = http.push(tokenA,
                    Pushes.envelope("iso-2", "iso-b", b, Pushes.billing(b, "iso-b2", 5, "2.5")).toJson());
            assertThat(asBConnector.statusCode()).as("A's token with B's connector").isEqualTo(401);
            figures.add("| push for account B with A's token (connector of B) | " + asBConnector.statusCode() + " |");
            HttpResponse<String> own = http.push(tokenA, Pushes.envelope("iso-3", "iso-a", a, Pushes.billing(a, "iso-a", 5, "2.5")).toJson());
            assertThat(own.statusCode()).as("A's own push: %s", own.body()).isEqualTo(201);
            figures.add("| push for account A with A's token (control) | " + own.statusCode() + " |");
            HttpResponse<String> status = http.status(tokenA);
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains(a);
            assertNothingOf(secretsOfB, "GET /api/v1/status with A's token", status.body());
            figures.add("| GET /api/v1/status with A's token: mentions of B | 0 |");
        } finally {
            serve.stop(Duration.ofMinutes(1));
        }
        try (JdbcStore store = target.open()) {
            assertThat(store.rawReader().rowCount(b, SystemTable.BILLING_USAGE)).as("B's raw billing rows").isEqualTo(rowsB);
        }

        Path report = dir.resolve("report-a.html");
        List<List<String>> commands = List.of(List.of("status"), List.of("insights", "--format", "json"),
                List.of("plans", "--format", "json"), List.of("export-costs", "--by", "sku"), List.of("export-costs", "--by", "team"),
                List.of("token", "list"), List.of("report", "--out", report.toString()));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(List.of("--account", a));
            args.addAll(command);
            RunnerProcess.Result r = RunnerProcess.run(logs, command.get(0), target.quiet(args.toArray(String[]::new))).assertOk();
            String text = r.out() + r.err() + (command.get(0).equals("report") ? Files.readString(report, StandardCharsets.UTF_8) : "");
            assertNothingOf(secretsOfB, String.join(" ", command), text);
            figures.add("| runner `--account A " + String.join(" ", command).replace(report.toString(), "FILE")
                    + "`: mentions of B | 0 |");
        }
        RunnerProcess.Result explain = RunnerProcess.run(logs, "explain", target.quiet("--account", a, "explain", insightsB.get(0)));
        assertThat(explain.exitCode()).as("explain of B's insight as A: %s", explain.err()).isEqualTo(1);
        assertNothingOf(List.of(b), "explain", explain.out());
        figures.add("| runner `--account A explain <an insight of B>` | exit " + explain.exitCode() + ": `"
                + explain.err().strip().replace("|", "\\|") + "` |");

        StringBuilder fig = new StringBuilder(String.format(Locale.ROOT, "### Isolation (PostgreSQL, accounts A and B in one store; "
                + "%d secrets of B checked: its id, %d workspace ids, %d insight ids)%n%n| probe | result |%n|---|---|%n",
                secretsOfB.size(), onlyB.size(), insightsB.size()));
        figures.forEach(f -> fig.append(f).append('\n'));
        Fixtures.figures(fig.toString());
        target.drop();
    }

    private static void assertNothingOf(List<String> secrets, String what, String text) {
        for (String s : secrets) {
            assertThat(text).as("%s shows '%s' of account B", what, s).doesNotContain(s);
        }
    }

    private static Set<String> workspaces(Path data) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = WORKSPACE.matcher(Files.readString(data.resolve("system.access.workspaces_latest.jsonl")));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
