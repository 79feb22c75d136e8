package dev.lakesentry.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate, import and run on the small profile; tokens; serve; help; error lines and exit codes. */
class CommandsTest {
    @TempDir
    Path tmp;

    @Test
    void generateImportAndRunTheSmallProfile() {
        Path files = tmp.resolve("export");
        Path data = tmp.resolve("store");
        Cli.Result gen = Cli.run("generate", "--profile", "small", "--seed", "7", "--out", files.toString());
        assertThat(gen.code()).as(gen.toString()).isZero();
        assertThat(files.resolve("truth.json")).isRegularFile();
        assertThat(files.resolve("system.billing.usage.jsonl")).isRegularFile();

        Cli.Result imported = Cli.run("--data-dir", data.toString(), "import", files.toString());
        assertThat(imported.code()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("Imported 15 file(s)");

        Cli.Result run = Cli.run("--data-dir", data.toString(), "run");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("transformation SUCCEEDED", "insights");

        Cli.Result again = Cli.run("--data-dir", data.toString(), "run");
        assertThat(again.out()).contains("transformation NOTHING_TO_DO");

        Cli.Result reimport = Cli.run("--data-dir", data.toString(), "import", files.toString());
        assertThat(reimport.out()).contains("0 rows appended");
    }

    @Test
    void tokenCreatePrintsTheTokenOnceAndRevokeRevokesIt() {
        Path data = tmp.resolve("store");
        Cli.Result created = Cli.run("--data-dir", data.toString(), "token", "create", "--connector", "us-east", "--account", "acc-1");
        assertThat(created.code()).as(created.toString()).isZero();
        String token = created.out().trim();
        assertThat(token).matches("lsc_[0-9a-f]{16}\\.[A-Za-z0-9_-]{43}");
        String id = token.substring(4, 20);
        assertThat(created.err()).contains(id).doesNotContain(token);

        Cli.Result listed = Cli.run("--data-dir", data.toString(), "token", "list", "--account", "acc-1");
        assertThat(listed.out()).contains(id, "us-east").doesNotContain(token.substring(21));

        Cli.Result revoked = Cli.run("--data-dir", data.toString(), "token", "revoke", id);
        assertThat(revoked.code()).as(revoked.toString()).isZero();
        assertThat(Cli.run("--data-dir", data.toString(), "token", "list", "--account", "acc-1").out())
                .contains(Cli.CLOCK.instant().toString().substring(0, 10));

        Cli.Result unknown = Cli.run("--data-dir", data.toString(), "token", "revoke", "0000000000000000");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("error: No collector token with id '0000000000000000'");
    }

    @Test
    void badArgumentsGiveOneErrorLineAndExitCodeTwo() {
        for (String[] args : new String[][] {
            {"bogus"},
            {"export-costs", "--by", "colour"},
            {"generate", "--profile", "huge", "--out", "x"},
            {"insights", "--format", "xml"},
            {"execute"},
            {},
        }) {
            Cli.Result r = Cli.run(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r).isEqualTo(2);
            assertThat(r.err().lines()).as(r.toString()).hasSize(1);
            assertThat(r.err()).startsWith("error: ").contains("--help");
        }
    }

    @Test
    void failuresGiveOneErrorLineNamingTheValueAndExitCodeOne() throws Exception {
        Path notADir = Files.writeString(tmp.resolve("file.txt"), "x");
        Cli.Result[] results = {
            Cli.run("--data-dir", tmp.resolve("empty").toString(), "insights"),
            Cli.run("--data-dir", tmp.resolve("empty2").toString(), "--plugins", tmp.resolve("nowhere").toString(), "status"),
            Cli.run("--data-dir", notADir.toString(), "status"),
            Cli.run("--data-dir", tmp.resolve("s").toString(), "import", tmp.resolve("missing").toString()),
            Cli.run("--jdbc-url", "postgres://nope", "status"),
            Cli.run("generate", "--out", notADir.toString()),
        };
        for (Cli.Result r : results) {
            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.err().lines()).as(r.toString()).hasSize(1);
            assertThat(r.err()).startsWith("error: ").contains("'").contains(": ");
        }
        assertThat(results[0].err()).contains("has no data", "demo");
        assertThat(results[1].err()).contains("--plugins", "nowhere");
    }

    @Test
    void helpIsAvailableEverywhere() {
        for (String[] args : new String[][] {{"--help"}, {"demo", "--help"}, {"export-costs", "--help"}, {"token", "create", "--help"},
            {"serve", "--help"}, {"collect", "--help"}, {"execute", "--help"}}) {
            Cli.Result r = Cli.run(args);
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("Usage: lakesentry-runner");
        }
    }

    @Test
    void serveListensAndStopsAfterItsTime() {
        Cli.Result r = Cli.run("--data-dir", tmp.resolve("served").toString(), "serve", "--port", "0", "--run-for", "PT1S");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Listening on http://127.0.0.1:", "Stopped.");
    }
}
