package dev.lakesentry.testkit.generator;

import java.time.Instant;

/** One generated workspace: identity, cloud, environment and its random stream. */
final class Ws {
    final int index;
    final String id;
    final String name;
    final String url;
    final String cloud;
    final String env;
    final Instant createTime;
    final Rng rng;

    Ws(Ctx ctx, int index) {
        this.index = index;
        this.rng = new Rng(ctx.cfg.seed(), "ws/" + index);
        Rng r = rng.child("identity");
        this.id = r.digits(16);
        this.cloud = index % 4 == 1 ? Catalog.AZURE : Catalog.AWS;
        this.env = switch (index % 3) {
            case 0 -> "prod";
            case 1 -> "dev";
            default -> "staging";
        };
        String[] areas = {"analytics", "data-platform", "ml", "finance", "marketing", "ops", "research", "sales"};
        this.name = areas[index % areas.length] + "-" + env + (index >= areas.length ? "-" + (index / areas.length) : "");
        this.url = Catalog.AWS.equals(cloud)
                ? "https://dbc-" + r.hex(8) + "-" + r.hex(4) + ".cloud.databricks.com"
                : "https://adb-" + id + "." + r.intBetween(1, 19) + ".azuredatabricks.net";
        this.createTime = ctx.start.minusSeconds(86_400L * r.intBetween(120, 900) + r.intBetween(0, 86_399));
    }

    /** Even workspaces get anomaly set A, odd ones set B. */
    boolean setA() {
        return index % 2 == 0;
    }
}
