package dev.lakesentry.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the demo's report in headless Chromium (Debian's chromium package): every chart and table is
 * there and not empty once rendered, and a screenshot goes to docs/report-screenshot.png. Skipped, with
 * the reason printed, when no Chromium is installed.
 */
class ReportInChromiumTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOT = Path.of("..", "..", "docs", "report-screenshot.png");

    @TempDir
    static Path tmp;
    static Path report;

    @BeforeAll
    static void demo() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            System.out.println("ReportInChromiumTest skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        }
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        DemoRun run = DemoRun.get();
        assertThat(run.result.code()).as(run.result.toString()).isZero();
        report = run.report;
    }

    private static String chromium(String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,2000"));
        cmd.addAll(List.of(extra));
        cmd.add(report.toUri().toString());
        Path out = tmp.resolve("chromium-" + System.nanoTime() + ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished within 2 minutes").isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void everyChartAndTableIsRenderedAndNotEmpty() throws Exception {
        String dom = chromium("--dump-dom");
        for (String chart : List.of("chart-daily-spend", "chart-waste", "chart-significance")) {
            Matcher m = Pattern.compile("<svg[^>]*id=\"" + chart + "\"[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(dom);
            assertThat(m.find()).as("chart %s in the rendered DOM", chart).isTrue();
            assertThat(m.group(1)).as("chart %s has marks", chart).contains("<rect");
        }
        assertThat(dom).contains("class=\"anomaly-marker\"").as("spend anomalies marked on the daily chart");
        assertThat(dom).contains("<figure class=\"anomaly\"");
        for (String table : List.of("insights-table", "plans-table", "waste-table", "team-table", "sku-table")) {
            Matcher m = Pattern.compile("<table id=\"" + table + "\">.*?<tbody>(.*?)</tbody>", Pattern.DOTALL).matcher(dom);
            assertThat(m.find()).as("table %s in the rendered DOM", table).isTrue();
            assertThat(m.group(1)).as("table %s has rows", table).contains("<tr>").doesNotContain("class=\"empty\"");
        }
    }

    @Test
    void aScreenshotIsSavedToDocs() throws Exception {
        Path shot = tmp.resolve("report.png");
        chromium("--screenshot=" + shot, "--hide-scrollbars");
        assertThat(shot).isRegularFile();
        assertThat(Files.size(shot)).isGreaterThan(20_000);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }
}
