package dev.lakesentry.testkit.generator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Node types with their DBU rates, SKU names per cloud, and the list-price history. */
final class Catalog {
    static final String AWS = "AWS";
    static final String AZURE = "AZURE";
    static final String USD = "USD";
    static final String DBU = "DBU";

    /** A node type: cores, memory, GPUs and the DBUs one node of it burns per hour. */
    record Node(String name, String cloud, double cores, long memoryMb, long gpus, BigDecimal dbuPerHour) {
    }

    /** One list-price row; {@code end} null means current. */
    record Price(String sku, String cloud, Instant start, Instant end, String listDefault, String promotional,
                 String effective) {
    }

    static final List<Node> NODES = List.of(
            new Node("i3.xlarge", AWS, 4, 31_232, 0, new BigDecimal("1.00")),
            new Node("i3.2xlarge", AWS, 8, 62_464, 0, new BigDecimal("2.00")),
            new Node("m5d.2xlarge", AWS, 8, 32_768, 0, new BigDecimal("1.37")),
            new Node("r5d.xlarge", AWS, 4, 32_768, 0, new BigDecimal("0.90")),
            new Node("g5.xlarge", AWS, 4, 16_384, 1, new BigDecimal("1.41")),
            new Node("i3.16xlarge", AWS, 64, 499_712, 0, new BigDecimal("16.00")),
            new Node("Standard_DS3_v2", AZURE, 4, 14_336, 0, new BigDecimal("0.75")),
            new Node("Standard_DS4_v2", AZURE, 8, 28_672, 0, new BigDecimal("1.50")),
            new Node("Standard_E8ds_v4", AZURE, 8, 65_536, 0, new BigDecimal("2.00")),
            new Node("Standard_NC4as_T4_v3", AZURE, 4, 28_672, 1, new BigDecimal("2.00")),
            new Node("Standard_E64ds_v4", AZURE, 64, 516_096, 0, new BigDecimal("16.00")));

    static final List<String> AWS_CPU_NODES = List.of("i3.xlarge", "i3.2xlarge", "m5d.2xlarge", "r5d.xlarge");
    static final List<String> AZURE_CPU_NODES = List.of("Standard_DS3_v2", "Standard_DS4_v2", "Standard_E8ds_v4");

    private Catalog() {
    }

    static Node node(String name) {
        for (Node n : NODES) {
            if (n.name().equals(name)) {
                return n;
            }
        }
        throw new IllegalArgumentException("Unknown node type " + name);
    }

    static List<String> cpuNodes(String cloud) {
        return AWS.equals(cloud) ? AWS_CPU_NODES : AZURE_CPU_NODES;
    }

    /** The large node type of the jobs whose spend anomalies the truth labels (16 DBU an hour). */
    static String largeNode(String cloud) {
        return AWS.equals(cloud) ? "i3.16xlarge" : "Standard_E64ds_v4";
    }

    static String regionSuffix(String cloud) {
        return AWS.equals(cloud) ? "US_EAST_N_VIRGINIA" : "US_EAST";
    }

    static String allPurposeSku(String cloud) {
        return "PREMIUM_ALL_PURPOSE_COMPUTE";
    }

    static String jobsSku(String cloud, boolean photon) {
        return photon ? "PREMIUM_JOBS_COMPUTE_(PHOTON)" : "PREMIUM_JOBS_COMPUTE";
    }

    static String serverlessJobsSku(String cloud) {
        return "PREMIUM_JOBS_SERVERLESS_COMPUTE_" + regionSuffix(cloud);
    }

    static String serverlessSqlSku(String cloud) {
        return "PREMIUM_SERVERLESS_SQL_COMPUTE_" + regionSuffix(cloud);
    }

    static String proSqlSku(String cloud) {
        return "PREMIUM_SQL_PRO_COMPUTE_" + regionSuffix(cloud);
    }

    static String serverlessNotebookSku(String cloud) {
        return "PREMIUM_ALL_PURPOSE_SERVERLESS_COMPUTE_" + regionSuffix(cloud);
    }

    static String servingSku(String cloud) {
        return "PREMIUM_SERVERLESS_REAL_TIME_INFERENCE_" + regionSuffix(cloud);
    }

    /** Apps usage: deliberately has no list price, so some usage stays unpriced. */
    static String appsSku(String cloud) {
        return "PREMIUM_APPS_SERVERLESS_COMPUTE_" + regionSuffix(cloud);
    }

    /** The default list price of {@code sku} on {@code cloud} per unit at {@code at}; 0 when it has none. */
    static double listPrice(GeneratorConfig c, String sku, String cloud, Instant at) {
        for (Price p : prices(c)) {
            if (p.sku().equals(sku) && p.cloud().equals(cloud) && !at.isBefore(p.start())
                    && (p.end() == null || at.isBefore(p.end()))) {
                return Double.parseDouble(p.listDefault());
            }
        }
        return 0;
    }

    /** The instant the all-purpose price changes: the middle of the period, at midnight UTC. */
    static Instant priceChange(GeneratorConfig c) {
        return c.start().plusDays(c.days() / 2).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /**
     * The price history: every priced SKU from long before the period; on AWS the all-purpose SKU
     * changes price in the middle of the period, the jobs SKU has a closed older price, and the
     * serverless jobs SKU carries a promotion (effective list below the default).
     */
    static List<Price> prices(GeneratorConfig c) {
        LocalDate early = LocalDate.of(2023, 1, 1);
        if (!c.start().minusDays(400).isAfter(early)) {
            early = c.start().minusDays(400);
        }
        Instant base = early.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant older = early.minusYears(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant change = priceChange(c);
        List<Price> out = new ArrayList<>();
        // AWS
        out.add(new Price("PREMIUM_ALL_PURPOSE_COMPUTE", AWS, base, change, "0.55", null, "0.55"));
        out.add(new Price("PREMIUM_ALL_PURPOSE_COMPUTE", AWS, change, null, "0.60", null, "0.60"));
        out.add(new Price("PREMIUM_JOBS_COMPUTE", AWS, older, base, "0.10", null, "0.10"));
        out.add(new Price("PREMIUM_JOBS_COMPUTE", AWS, base, null, "0.15", null, "0.15"));
        out.add(new Price("PREMIUM_JOBS_COMPUTE_(PHOTON)", AWS, base, null, "0.15", null, "0.15"));
        out.add(new Price(serverlessJobsSku(AWS), AWS, base, null, "0.45", "0.35", "0.35"));
        out.add(new Price(serverlessSqlSku(AWS), AWS, base, null, "0.70", null, "0.70"));
        out.add(new Price(proSqlSku(AWS), AWS, base, null, "0.55", null, "0.55"));
        out.add(new Price(serverlessNotebookSku(AWS), AWS, base, null, "0.95", null, "0.95"));
        out.add(new Price(servingSku(AWS), AWS, base, null, "0.07", null, "0.07"));
        // Azure: same SKU names for classic compute, other prices
        out.add(new Price("PREMIUM_ALL_PURPOSE_COMPUTE", AZURE, base, null, "0.55", null, "0.55"));
        out.add(new Price("PREMIUM_JOBS_COMPUTE", AZURE, base, null, "0.30", null, "0.30"));
        out.add(new Price("PREMIUM_JOBS_COMPUTE_(PHOTON)", AZURE, base, null, "0.30", null, "0.30"));
        out.add(new Price(serverlessJobsSku(AZURE), AZURE, base, null, "0.45", null, "0.45"));
        out.add(new Price(serverlessSqlSku(AZURE), AZURE, base, null, "0.70", null, "0.70"));
        out.add(new Price(proSqlSku(AZURE), AZURE, base, null, "0.66", null, "0.66"));
        out.add(new Price(serverlessNotebookSku(AZURE), AZURE, base, null, "0.95", null, "0.95"));
        out.add(new Price(servingSku(AZURE), AZURE, base, null, "0.082", null, "0.082"));
        return out;
    }
}
