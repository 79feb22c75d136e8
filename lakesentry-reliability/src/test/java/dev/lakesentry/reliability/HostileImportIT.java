package dev.lakesentry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.store.jdbc.JdbcStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Scenario 6: hostile export files given to the runner's {@code import} (a separate process, embedded store).
 * Each refused file gives one clear line naming the file and the line, and nothing of a refused chunk lands;
 * a byte-order mark and CRLF line ends are read as the clean file.
 */
class HostileImportIT {
    private static final String USAGE = "system.billing.usage.jsonl";
    private static final String TIMELINE = "system.compute.node_timeline.jsonl";

    private final Path dir = Fixtures.newDir("hostile");
    private final Stores.Target target = Stores.embedded(dir.resolve("store"));
    private final Path logs = dir.resolve("logs");
    private final List<String> figures = new ArrayList<>();

    @Test
    void hostileFilesAreRefusedNamingFileAndLineAndLandNothing() throws IOException {
        List<String> usage = lines(USAGE);
        int n = usage.size();

        refused("truncated line", USAGE, join(usage.subList(0, 6)) + usage.get(6).substring(0, usage.get(6).length() / 2) + "\n"
                + join(usage.subList(7, n)), 7, "is not a JSON object", SystemTable.BILLING_USAGE, 0);
        refused("truncated last line (no line end)", USAGE, join(usage.subList(0, n - 1))
                + usage.get(n - 1).substring(0, 40), n, "is not a JSON object", SystemTable.BILLING_USAGE, 0);
        byte[] bad = join(usage.subList(0, 120)).getBytes(StandardCharsets.UTF_8);
        byte[] invalid = concat(bad, "{\"record_id\": \"caf".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28},
                "\"}\n".getBytes(StandardCharsets.UTF_8), join(usage.subList(121, n)).getBytes(StandardCharsets.UTF_8));
        refused("invalid UTF-8", USAGE, invalid, 121, "UTF-8", SystemTable.BILLING_USAGE, 0);
        refused("a byte-order mark in the middle", USAGE, join(usage.subList(0, 30)) + "\uFEFF" + join(usage.subList(30, n)), 31,
                "is not a JSON object", SystemTable.BILLING_USAGE, 0);
        refused("unknown table name", "system.billing.nope.jsonl", join(usage), -1, "system.billing.nope", SystemTable.BILLING_USAGE, 0);

        Path huge = dir.resolve("huge");
        Files.createDirectories(huge);
        try (OutputStream out = Files.newOutputStream(huge.resolve(USAGE))) {
            out.write("{\"record_id\": \"".getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 100; i++) {
                out.write(block);
            }
            out.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
        }
        refusedDir("a 100 MB single line", huge, huge.resolve(USAGE), 1, "longer than", SystemTable.BILLING_USAGE, 0);

        // A bad line in the second chunk of 10,000: the first chunk landed, nothing of the second did.
        List<String> timeline = lines(TIMELINE);
        assertThat(timeline.size()).isGreaterThan(15_000);
        List<String> broken = new ArrayList<>(timeline);
        broken.set(14_999, "{\"account_id\": ");
        refused("bad line 15,000 (second chunk)", TIMELINE, join(broken), 15_000, "is not a JSON object",
                SystemTable.NODE_TIMELINE, 10_000);

        // Accepted as the clean file would be.
        accepted("byte-order mark at the start", USAGE, "\uFEFF" + join(usage), SystemTable.BILLING_USAGE, n);
        accepted("CRLF line ends", USAGE, join(usage).replace("\n", "\r\n"), SystemTable.BILLING_USAGE, n);
        accepted("the fixed node timeline after the refused chunk", TIMELINE, join(timeline), SystemTable.NODE_TIMELINE,
                timeline.size());

        try (JdbcStore store = target.open()) {
            RawIntegrity raw = RawIntegrity.of(store);
            assertThat(raw.partialPushes()).isZero();
            assertThat(raw.duplicateRows()).isZero();
            assertThat(raw.orphanRows()).isZero();
        }
        StringBuilder fig = new StringBuilder("### Hostile import files (embedded store, runner `import DIR`)\n\n"
                + "| file | outcome | message (one line on stderr) | rows of the file's table in raw |\n|---|---|---|---|\n");
        figures.forEach(f -> fig.append(f).append('\n'));
        Fixtures.figures(fig.toString());
    }

    private void refused(String what, String name, String content, long line, String reason, SystemTable table, long rowsAfter)
            throws IOException {
        refused(what, name, content.getBytes(StandardCharsets.UTF_8), line, reason, table, rowsAfter);
    }

    private void refused(String what, String name, byte[] content, long line, String reason, SystemTable table, long rowsAfter)
            throws IOException {
        Path d = Fixtures.newDir("case");
        Path file = d.resolve(name);
        Files.write(file, content);
        refusedDir(what, d, file, line, reason, table, rowsAfter);
    }

    private void refusedDir(String what, Path d, Path file, long line, String reason, SystemTable table, long rowsAfter) {
        RunnerProcess.Result r = RunnerProcess.run(logs, "import", target.quiet("import", d.toString()));
        String message = r.err().strip();
        assertThat(r.exitCode()).as("%s: exit code (stderr %s)", what, message).isEqualTo(1);
        assertThat(message).as(what).contains(file.toString()).contains(reason).doesNotContain("\tat ");
        assertThat(message.lines().count()).as("%s: one line", what).isEqualTo(1);
        if (line > 0) {
            assertThat(message).as(what).contains("line " + line + " ").doesNotContain("line " + line + "0");
        }
        long rows = rows(table);
        assertThat(rows).as("%s: rows of %s in raw", what, table.fullName()).isEqualTo(rowsAfter);
        figures.add(String.format(Locale.ROOT, "| %s | refused, exit 1 | `%s` | %,d |", what,
                message.replace(Fixtures.work().toString(), "…").replace("|", "\\|"), rows));
    }

    private void accepted(String what, String name, String content, SystemTable table, long rowsAfter) throws IOException {
        Path d = Fixtures.newDir("case");
        Files.writeString(d.resolve(name), content, StandardCharsets.UTF_8);
        RunnerProcess.run(logs, "import", target.quiet("import", d.toString())).assertOk();
        long rows = rows(table);
        assertThat(rows).as("%s: rows of %s in raw", what, table.fullName()).isEqualTo(rowsAfter);
        figures.add(String.format(Locale.ROOT, "| %s | accepted, exit 0 | read as the clean file | %,d |", what, rows));
    }

    private long rows(SystemTable table) {
        try (JdbcStore store = target.open()) {
            return RawIntegrity.of(store).rows().get(table.fullName());
        }
    }

    private static List<String> lines(String name) throws IOException {
        return Files.readAllLines(Fixtures.data().resolve(name), StandardCharsets.UTF_8);
    }

    private static String join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    private static byte[] concat(byte[]... parts) {
        int len = 0;
        for (byte[] p : parts) {
            len += p.length;
        }
        byte[] out = new byte[len];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

}
