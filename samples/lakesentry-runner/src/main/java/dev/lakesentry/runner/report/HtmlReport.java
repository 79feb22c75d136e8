package dev.lakesentry.runner.report;

import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.SeriesPoint;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.metrics.SignificanceScore;
import dev.lakesentry.api.plan.ActionPlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML report: one self-contained file (inline CSS and SVG, no script, no font or image from the
 * network) with the totals, daily spend stacked by team with the spend anomalies marked, each spend
 * anomaly on its own series, waste by type with savings, the significance ranking, spend by team and
 * SKU, and the tables of insights and plans. Its totals are the cost export's, rounded once to the
 * cent; each carries its exact figure in a {@code data-amount} attribute.
 */
public final class HtmlReport {
    private static final String[] PALETTE = {"#2563eb", "#16a34a", "#ea580c", "#9333ea", "#0891b2", "#ca8a04",
        "#db2777", "#65a30d", "#7c3aed", "#0d9488", "#b45309", "#be123c"};
    private static final String UNATTRIBUTED_COLOUR = "#9ca3af";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);
    private static final int MAX_ANOMALY_CHARTS = 6;
    private static final int MAX_RANKED = 15;

    private HtmlReport() {
    }

    /** Renders the report. */
    public static String render(ReportData d, Instant generatedAt) {
        StringBuilder h = new StringBuilder(256 * 1024);
        String cur = d.mainCurrency();
        Map<String, String> colours = colours(d);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>LakeSentry report: account ").append(esc(d.accountId())).append("</title>\n<style>")
                .append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>LakeSentry cost report</h1><p class=\"meta\">Account <code>").append(esc(d.accountId()))
                .append("</code> · usage ").append(d.firstDay()).append(" to ").append(d.lastDay())
                .append(" · data as of ").append(d.asOf()).append(" · generated ").append(generatedAt)
                .append(" · store ").append(esc(d.store())).append("</p></header>\n<main>\n");
        cards(h, d, cur);
        dailyChart(h, d, cur, colours);
        anomalies(h, d);
        waste(h, d, cur);
        ranking(h, d);
        spendTables(h, d, cur, colours);
        insightTable(h, d);
        planTable(h, d);
        h.append("</main>\n<footer>Detectors: ").append(esc(String.join(", ", d.detectors())))
                .append(". Amounts are list prices (")
                .append(cur).append("), rounded to the cent for display only; the exact figures are in each total's data-amount attribute "
                        + "and in <code>export-costs</code>.</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static Map<String, String> colours(ReportData d) {
        Map<String, String> out = new HashMap<>();
        int i = 0;
        for (String team : d.teamTotals().keySet()) {
            out.put(team, team.equals("unattributed") ? UNATTRIBUTED_COLOUR : PALETTE[i++ % PALETTE.length]);
        }
        return out;
    }

    private static void cards(StringBuilder h, ReportData d, String cur) {
        h.append("<section class=\"cards\" id=\"totals\">\n");
        for (Map.Entry<String, BigDecimal> t : d.totals().entrySet()) {
            card(h, "Total list cost (" + t.getKey() + ")", "<span id=\"total-" + t.getKey() + "\" data-amount=\""
                    + t.getValue().toPlainString() + "\">" + Fmt.money(t.getValue(), t.getKey()) + "</span>",
                    d.unpricedRows() + " unpriced row(s) kept apart");
        }
        Map<String, BigDecimal> teams = d.teamTotals();
        BigDecimal attributed = teams.entrySet().stream().filter(e -> !e.getKey().equals("unattributed"))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal unattributed = teams.getOrDefault("unattributed", BigDecimal.ZERO);
        BigDecimal teamTotal = attributed.add(unattributed);
        card(h, "Attributed to teams", "<span id=\"team-total-" + cur + "\" data-amount=\"" + teamTotal.toPlainString()
                + "\" data-attributed=\"" + attributed.toPlainString() + "\">" + Fmt.money(attributed, cur) + "</span>",
                Fmt.percent(attributed, teamTotal) + " of " + Fmt.money(teamTotal, cur) + "; unattributed "
                        + Fmt.money(unattributed, cur));
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        d.insights().forEach(i -> bySeverity.merge(i.severity(), 1, Integer::sum));
        card(h, "Insights", String.valueOf(d.insights().size()), bySeverity.getOrDefault(Severity.CRITICAL, 0) + " critical, "
                + bySeverity.getOrDefault(Severity.HIGH, 0) + " high, " + bySeverity.getOrDefault(Severity.MEDIUM, 0)
                + " medium, " + bySeverity.getOrDefault(Severity.LOW, 0) + " low");
        BigDecimal savings = d.plans().stream().map(p -> p.estimatedMonthlySaving().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        card(h, "Plans", String.valueOf(d.plans().size()), "est. savings " + Fmt.money(savings, cur) + " / month");
        h.append("</section>\n");
    }

    private static void card(StringBuilder h, String label, String valueHtml, String note) {
        h.append("<div class=\"card\"><div class=\"label\">").append(esc(label)).append("</div><div class=\"value\">")
                .append(valueHtml).append("</div><div class=\"note\">").append(esc(note)).append("</div></div>\n");
    }

    private static void dailyChart(StringBuilder h, ReportData d, String cur, Map<String, String> colours) {
        Map<LocalDate, Map<String, BigDecimal>> daily = d.dailyByTeam();
        List<String> teams = new ArrayList<>(d.teamTotals().keySet());
        h.append("<section id=\"daily-spend\"><h2>Daily spend by team</h2>\n");
        if (daily.isEmpty()) {
            h.append("<p class=\"empty\">No attributed cost yet: run the pipeline.</p></section>\n");
            return;
        }
        LocalDate first = daily.keySet().iterator().next();
        LocalDate last = ((java.util.TreeMap<LocalDate, Map<String, BigDecimal>>) daily).lastKey();
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        double max = daily.values().stream().mapToDouble(m -> m.values().stream().mapToDouble(v -> Math.max(0, v.doubleValue())).sum())
                .max().orElse(1);
        double top = niceCeiling(max);
        int w = 1180;
        int ht = 380;
        int left = 78;
        int right = 12;
        int tp = 22;
        int bottom = 46;
        double pw = w - left - right;
        double ph = ht - tp - bottom;
        double slot = pw / days;
        h.append("<svg class=\"chart\" id=\"chart-daily-spend\" role=\"img\" viewBox=\"0 0 ").append(w).append(' ').append(ht)
                .append("\" width=\"100%\" aria-label=\"Daily spend stacked by team\">\n");
        axisY(h, left, tp, pw, ph, top, cur);
        for (Map.Entry<LocalDate, Map<String, BigDecimal>> e : daily.entrySet()) {
            int idx = (int) (e.getKey().toEpochDay() - first.toEpochDay());
            double x = left + idx * slot + slot * 0.1;
            double y = tp + ph;
            for (String team : teams) {
                BigDecimal v = e.getValue().get(team);
                if (v == null || v.signum() <= 0) {
                    continue;
                }
                double bh = v.doubleValue() / top * ph;
                y -= bh;
                h.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                        + "<title>%s %s: %s</title></rect>%n", x, y, slot * 0.8, bh, colours.get(team), e.getKey(), esc(team),
                        Fmt.money(v, cur)));
            }
        }
        int step = Math.max(1, (int) Math.ceil(days / 12.0));
        for (int i = 0; i < days; i += step) {
            double x = left + i * slot + slot / 2;
            h.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                    ht - bottom + 18, first.plusDays(i).format(DAY)));
        }
        for (Insight a : d.spendAnomalies()) {
            LocalDate day = LocalDate.ofInstant(a.window().start(), ZoneOffset.UTC);
            if (day.isBefore(first) || day.isAfter(last)) {
                continue;
            }
            double x = left + (day.toEpochDay() - first.toEpochDay()) * slot + slot / 2;
            double dayTotal = daily.getOrDefault(day, Map.of()).values().stream().mapToDouble(v -> Math.max(0, v.doubleValue())).sum();
            double y = tp + ph - dayTotal / top * ph - 3;
            h.append(String.format(Locale.ROOT, "<path class=\"anomaly-marker\" d=\"M%.1f %.1f l-6 -10 h12 z\" fill=\"#dc2626\">"
                    + "<title>%s spend anomaly from %s: %s</title></path>%n", x, y, a.severity(), day,
                    esc(Fmt.cut(a.evidence().summary(), 200))));
        }
        h.append("</svg>\n<ul class=\"legend\">");
        for (String team : teams) {
            h.append("<li><span class=\"swatch\" style=\"background:").append(colours.get(team)).append("\"></span>")
                    .append(esc(team)).append("</li>");
        }
        h.append("<li><span class=\"swatch marker\"></span>spend anomaly (start)</li></ul>\n</section>\n");
    }

    private static void axisY(StringBuilder h, int left, int tp, double pw, double ph, double top, String cur) {
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double y = tp + ph - ph * i / 4;
            h.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>"
                    + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left, left + pw, y, y,
                    left - 6, y + 4, shortAmount(v)));
        }
        h.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\">%s / day</text>%n", 4, tp - 8, cur));
    }

    private static void anomalies(StringBuilder h, ReportData d) {
        List<Insight> anomalies = d.spendAnomalies();
        h.append("<section id=\"anomalies\"><h2>Spend anomalies on their series</h2>\n");
        if (anomalies.isEmpty()) {
            h.append("<p class=\"empty\">No spend anomaly found.</p></section>\n");
            return;
        }
        h.append("<p class=\"meta\">The ").append(Math.min(MAX_ANOMALY_CHARTS, anomalies.size())).append(" largest of ")
                .append(anomalies.size()).append(" spend anomalies: the subject's daily cost, the anomaly window shaded, "
                        + "flagged points in red.</p>\n<div class=\"grid3\">\n");
        for (Insight a : anomalies.stream().limit(MAX_ANOMALY_CHARTS).toList()) {
            h.append("<figure class=\"anomaly\" id=\"anomaly-").append(esc(a.id())).append("\">");
            sparkline(h, a);
            h.append("<figcaption><b class=\"sev sev-").append(a.severity().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append(a.severity()).append("</b> ").append(esc(a.subject().kind() + " " + a.subject().id()))
                    .append(" · ").append(esc(Fmt.money(a.estimatedMonthlyImpact().amount(),
                            a.estimatedMonthlyImpact().currency().getCurrencyCode()))).append("/month<br>")
                    .append(esc(Fmt.cut(a.evidence().summary(), 180))).append("</figcaption></figure>\n");
        }
        h.append("</div></section>\n");
    }

    private static void sparkline(StringBuilder h, Insight a) {
        List<SeriesPoint> series = a.evidence().series();
        int w = 380;
        int ht = 150;
        int left = 52;
        int right = 8;
        int tp = 10;
        int bottom = 22;
        h.append("<svg class=\"chart spark\" viewBox=\"0 0 ").append(w).append(' ').append(ht)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"Series of ").append(esc(a.id())).append("\">\n");
        if (series.isEmpty()) {
            h.append("<text class=\"tick\" x=\"10\" y=\"70\">no series in the evidence</text></svg>");
            return;
        }
        long t0 = series.get(0).at().getEpochSecond();
        long t1 = series.get(series.size() - 1).at().getEpochSecond();
        long span = Math.max(1, t1 - t0);
        double max = niceCeiling(series.stream().mapToDouble(p -> p.value().doubleValue()).max().orElse(1));
        double pw = w - left - right;
        double ph = ht - tp - bottom;
        double ws = tp;
        double xs = left + (Math.max(t0, a.window().start().getEpochSecond()) - t0) * pw / span;
        double xe = left + (Math.min(t1, a.window().end().getEpochSecond()) - t0) * pw / span;
        if (xe > xs) {
            h.append(String.format(Locale.ROOT, "<rect class=\"window\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>%n",
                    xs, ws, xe - xs, ph));
        } else {
            h.append(String.format(Locale.ROOT, "<line class=\"window-line\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>%n",
                    xs, xs, ws, ws + ph));
        }
        for (int i = 0; i <= 2; i++) {
            double y = tp + ph - ph * i / 2;
            h.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>"
                    + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left, left + pw, y, y, left - 4,
                    y + 4, shortAmount(max * i / 2)));
        }
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (SeriesPoint p : series) {
            double x = left + (p.at().getEpochSecond() - t0) * pw / span;
            double y = tp + ph - p.value().doubleValue() / max * ph;
            path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            if (p.flagged()) {
                dots.append(String.format(Locale.ROOT, "<circle class=\"flag\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"><title>%s: %s</title></circle>%n",
                        x, y, LocalDate.ofInstant(p.at(), ZoneOffset.UTC), p.value().setScale(2, RoundingMode.HALF_EVEN).toPlainString()));
            }
        }
        h.append("<path class=\"series\" d=\"").append(path).append("\"/>\n").append(dots);
        h.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\">%s</text><text class=\"tick\" x=\"%d\" y=\"%d\" "
                + "text-anchor=\"end\">%s</text>%n", left, ht - 6, LocalDate.ofInstant(series.get(0).at(), ZoneOffset.UTC).format(DAY),
                w - right, ht - 6, LocalDate.ofInstant(series.get(series.size() - 1).at(), ZoneOffset.UTC).format(DAY)));
        h.append("</svg>");
    }

    private static void waste(StringBuilder h, ReportData d, String cur) {
        Map<String, ReportData.WasteType> waste = d.wasteByType();
        h.append("<section id=\"waste\"><h2>Waste by type, with savings</h2>\n");
        if (waste.isEmpty()) {
            h.append("<p class=\"empty\">No waste found.</p></section>\n");
            return;
        }
        List<ReportData.WasteType> rows = waste.values().stream()
                .sorted((a, b) -> b.monthlyImpact().compareTo(a.monthlyImpact())).toList();
        double max = niceCeiling(rows.stream().mapToDouble(r -> Math.max(r.monthlyImpact().doubleValue(), r.planSavings().doubleValue()))
                .max().orElse(1));
        int w = 1180;
        int rowH = 30;
        int left = 230;
        int right = 150;
        int ht = rows.size() * rowH + 30;
        double pw = w - left - right;
        h.append("<svg class=\"chart\" id=\"chart-waste\" viewBox=\"0 0 ").append(w).append(' ').append(ht)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"Waste by type\">\n");
        int y = 6;
        for (ReportData.WasteType r : rows) {
            double iw = r.monthlyImpact().doubleValue() / max * pw;
            double sw = r.planSavings().doubleValue() / max * pw;
            h.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s (%d)</text>%n",
                    left - 8, y + 16, esc(r.type()), r.count()));
            h.append(String.format(Locale.ROOT, "<rect class=\"bar impact\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"11\">"
                    + "<title>estimated monthly impact %s</title></rect>%n", left, y + 3, iw, Fmt.money(r.monthlyImpact(), cur)));
            h.append(String.format(Locale.ROOT, "<rect class=\"bar saving\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"11\">"
                    + "<title>plan savings %s</title></rect>%n", left, y + 15, sw, Fmt.money(r.planSavings(), cur)));
            h.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\">%s / %s</text>%n",
                    left + Math.max(iw, sw) + 6, y + 18, Fmt.amount(r.monthlyImpact()), Fmt.amount(r.planSavings())));
            y += rowH;
        }
        h.append("</svg>\n<ul class=\"legend\"><li><span class=\"swatch impact\"></span>estimated monthly impact</li>"
                + "<li><span class=\"swatch saving\"></span>estimated monthly saving of the plans</li></ul>\n");
        h.append("<table id=\"waste-table\"><thead><tr><th>Type</th><th class=\"num\">Insights</th><th class=\"num\">Impact / month</th>"
                + "<th class=\"num\">Plan savings / month</th></tr></thead><tbody>\n");
        for (ReportData.WasteType r : rows) {
            h.append("<tr><td>").append(esc(r.type())).append("</td><td class=\"num\">").append(r.count())
                    .append("</td><td class=\"num\">").append(Fmt.money(r.monthlyImpact(), cur)).append("</td><td class=\"num\">")
                    .append(Fmt.money(r.planSavings(), cur)).append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void ranking(StringBuilder h, ReportData d) {
        List<SignificanceScore> top = d.scores().stream().limit(MAX_RANKED).toList();
        h.append("<section id=\"significance\"><h2>Significance ranking</h2>\n");
        if (top.isEmpty()) {
            h.append("<p class=\"empty\">No scores yet.</p></section>\n");
            return;
        }
        h.append("<p class=\"meta\">Work units scored 0–100 from cost impact, run frequency and reliability; the top ")
                .append(top.size()).append(" of ").append(d.scores().size()).append(".</p>\n");
        int w = 1180;
        int rowH = 24;
        int left = 360;
        int right = 190;
        int ht = top.size() * rowH + 10;
        double pw = w - left - right;
        h.append("<svg class=\"chart\" id=\"chart-significance\" viewBox=\"0 0 ").append(w).append(' ').append(ht)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"Significance ranking\">\n");
        int y = 4;
        for (SignificanceScore s : top) {
            double bw = s.score() / 100.0 * pw;
            h.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s · %s</text>%n",
                    left - 8, y + 15, s.workUnit().type().name().toLowerCase(Locale.ROOT), esc(Fmt.cut(d.name(s.workUnit()), 40))));
            h.append(String.format(Locale.ROOT, "<rect class=\"bar score\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\">"
                    + "<title>%s</title></rect>%n", left, y + 3, bw, esc(s.workUnit().key())));
            h.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\">%.1f · %s</text>%n", left + bw + 6, y + 15,
                    s.score(), Fmt.money(s.cost().amount(), s.cost().currency().getCurrencyCode())));
            y += rowH;
        }
        h.append("</svg>\n</section>\n");
    }

    private static void spendTables(StringBuilder h, ReportData d, String cur, Map<String, String> colours) {
        h.append("<section id=\"spend\" class=\"two\"><div><h2>Spend by team</h2><table id=\"team-table\"><thead><tr><th>Team</th>"
                + "<th class=\"num\">Cost</th><th class=\"num\">Share</th></tr></thead><tbody>\n");
        Map<String, BigDecimal> teams = d.teamTotals();
        BigDecimal teamTotal = teams.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        teams.forEach((t, v) -> h.append("<tr><td><span class=\"swatch\" style=\"background:").append(colours.get(t))
                .append("\"></span>").append(esc(t)).append("</td><td class=\"num\">").append(Fmt.money(v, cur))
                .append("</td><td class=\"num\">").append(Fmt.percent(v, teamTotal)).append("</td></tr>\n"));
        h.append("</tbody><tfoot><tr><th>Total</th><th class=\"num\">").append(Fmt.money(teamTotal, cur))
                .append("</th><th></th></tr></tfoot></table><p class=\"meta\">Attribution splits each day's bill to the cent, "
                        + "so this total is the sum of daily totals each rounded to the cent; it may differ from the list-cost "
                        + "total by a few cents.</p></div>\n");
        h.append("<div><h2>Spend by SKU</h2><table id=\"sku-table\"><thead><tr><th>SKU</th><th class=\"num\">List cost</th>"
                + "<th class=\"num\">Share</th></tr></thead><tbody>\n");
        BigDecimal total = d.totals().getOrDefault(cur, BigDecimal.ZERO);
        d.skuTotalsByName().forEach((s, v) -> h.append("<tr><td>").append(esc(s)).append("</td><td class=\"num\">")
                .append(Fmt.money(v, cur)).append("</td><td class=\"num\">").append(Fmt.percent(v, total)).append("</td></tr>\n"));
        h.append("</tbody><tfoot><tr><th>Total</th><th class=\"num\">").append(Fmt.money(total, cur))
                .append("</th><th></th></tr></tfoot></table></div></section>\n");
    }

    private static void insightTable(StringBuilder h, ReportData d) {
        h.append("<section id=\"insights\"><h2>Insights (").append(d.insights().size()).append(")</h2>\n");
        h.append("<table id=\"insights-table\"><thead><tr><th>Severity</th><th>Type</th><th>Subject</th><th>Window</th>"
                + "<th class=\"num\">Impact / month</th><th>Evidence</th><th>Id</th></tr></thead><tbody>\n");
        for (Insight i : d.insights()) {
            h.append("<tr><td><b class=\"sev sev-").append(i.severity().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append(i.severity()).append("</b></td><td>").append(esc(i.type().value())).append("</td><td>")
                    .append(esc(i.subject().kind() + " " + i.subject().id())).append("</td><td class=\"nowrap\">")
                    .append(LocalDate.ofInstant(i.window().start(), ZoneOffset.UTC)).append(" – ")
                    .append(LocalDate.ofInstant(i.window().end(), ZoneOffset.UTC)).append("</td><td class=\"num\">")
                    .append(Fmt.money(i.estimatedMonthlyImpact().amount(), i.estimatedMonthlyImpact().currency().getCurrencyCode()))
                    .append("</td><td>").append(esc(i.evidence().summary())).append("</td><td><code>").append(esc(i.id()))
                    .append("</code></td></tr>\n");
        }
        if (d.insights().isEmpty()) {
            h.append("<tr><td colspan=\"7\" class=\"empty\">No insights.</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void planTable(StringBuilder h, ReportData d) {
        h.append("<section id=\"plans\"><h2>Plans (").append(d.plans().size()).append(")</h2>\n");
        h.append("<table id=\"plans-table\"><thead><tr><th>Action</th><th>Target</th><th>Change</th>"
                + "<th class=\"num\">Saving / month</th><th>Risk</th><th>Reversible</th><th>Status</th><th>Id</th></tr></thead><tbody>\n");
        for (ActionPlan p : d.plans()) {
            h.append("<tr><td>").append(esc(p.actionType().value())).append("</td><td>")
                    .append(esc(p.target().kind() + " " + p.target().resourceId())).append("</td><td>")
                    .append(esc(TextSummary.changes(p.changes()))).append("</td><td class=\"num\">")
                    .append(Fmt.money(p.estimatedMonthlySaving().amount(), p.estimatedMonthlySaving().currency().getCurrencyCode()))
                    .append("</td><td>").append(p.riskTier()).append("</td><td>").append(p.reversible() ? "yes" : "no")
                    .append("</td><td>").append(d.planStatus().get(p.id())).append("</td><td><code>").append(esc(p.id()))
                    .append("</code></td></tr>\n");
        }
        if (d.plans().isEmpty()) {
            h.append("<tr><td colspan=\"8\" class=\"empty\">No plans.</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    /** The smallest of 1, 2, 2.5, 5 × 10^k at or above the value. */
    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String shortAmount(double v) {
        if (v >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", v / 1_000_000);
        }
        if (v >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", v / 1_000);
        }
        if (v >= 1_000) {
            return String.format(Locale.ROOT, "%.1fk", v / 1_000);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }

    /** HTML-escapes text. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            :root{--fg:#111827;--muted:#6b7280;--line:#e5e7eb;--bg:#f9fafb}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
            header{background:#0f172a;color:#f8fafc;padding:18px 28px}
            header h1{margin:0 0 4px;font-size:22px}
            header .meta{color:#cbd5e1;margin:0}
            main{padding:8px 28px 28px;max-width:1260px}
            h2{font-size:17px;margin:22px 0 8px}
            section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:4px 16px 14px;margin-top:16px}
            section.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:12px;background:none;border:0;padding:0}
            .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px}
            .card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
            .card .value{font-size:24px;font-weight:600;margin:2px 0}
            .card .note{color:var(--muted);font-size:12px}
            .meta{color:var(--muted)}
            .empty{color:var(--muted);font-style:italic}
            svg.chart{display:block;max-width:100%;height:auto}
            svg .grid{stroke:var(--line);stroke-width:1}
            svg .tick{fill:var(--muted);font-size:11px}
            svg .label{fill:var(--fg);font-size:12px}
            svg .series{fill:none;stroke:#2563eb;stroke-width:1.6}
            svg .flag{fill:#dc2626}
            svg .window{fill:#fee2e2}
            svg .window-line{stroke:#fca5a5;stroke-width:2}
            svg .impact,.swatch.impact{fill:#f97316;background:#f97316}
            svg .saving,.swatch.saving{fill:#16a34a;background:#16a34a}
            svg .score{fill:#6366f1}
            .legend{list-style:none;padding:0;margin:6px 0 0;display:flex;flex-wrap:wrap;gap:14px;font-size:12px}
            .swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px}
            .swatch.marker{background:#dc2626;clip-path:polygon(0 0,100% 0,50% 100%)}
            .grid3{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,390px));gap:14px}
            figure.anomaly{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px}
            figcaption{font-size:12px;color:#374151;margin-top:4px}
            .two{display:grid;grid-template-columns:1fr 1fr;gap:24px}
            table{border-collapse:collapse;width:100%;font-size:12.5px}
            th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
            thead th{background:#f3f4f6;font-weight:600}
            tfoot th{border-top:2px solid #d1d5db}
            .num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
            .nowrap{white-space:nowrap}
            code{font-size:11.5px}
            .sev{font-size:11px;padding:1px 6px;border-radius:9px;color:#fff}
            .sev-critical{background:#991b1b}.sev-high{background:#dc2626}.sev-medium{background:#f59e0b}.sev-low{background:#6b7280}
            footer{color:var(--muted);font-size:12px;padding:0 28px 28px;max-width:1260px}
            """;
}
