package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.push.SystemTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared helpers for time-sliced rows and the per-minute node timeline. */
final class Timeline {
    private Timeline() {
    }

    /** {@code [from, to)} cut at clock-hour boundaries, as the run timelines slice long runs. */
    static List<Instant[]> hourSlices(Instant from, Instant to) {
        List<Instant[]> out = new ArrayList<>();
        Instant a = from;
        while (a.isBefore(to)) {
            long nextHour = (Math.floorDiv(a.getEpochSecond(), 3600L) + 1) * 3600L;
            Instant b = Instant.ofEpochSecond(nextHour);
            if (b.isAfter(to)) {
                b = to;
            }
            out.add(new Instant[] {a, b});
            a = b;
        }
        return out;
    }

    /** A stable instance id for a cluster node, derived from its key (not from a random stream). */
    static String instanceId(Ctx ctx, String cloud, String key) {
        long h = Rng.mix(ctx.cfg.seed(), key);
        String hex = String.format("%016x", h);
        return Catalog.AWS.equals(cloud) ? "i-0" + hex : hex + String.format("%016x", Rng.mix(h, key));
    }

    /** One node-minute row; {@code cpu} is the node's total CPU percent, split into user and system. */
    static void nodeMinute(Ctx ctx, Ws ws, String clusterId, String instanceId, long minute, boolean driver,
                           double cpu, double mem, String nodeType, Rng r) {
        boolean busy = cpu >= 5;
        double user = Fmt.round2(cpu * 0.86);
        double system = Fmt.round2(cpu * 0.14);
        long sent = (long) ((busy ? 400_000 : 8_000) * (cpu + 1) * (0.7 + 0.6 * r.unit()));
        long received = (long) ((busy ? 900_000 : 5_000) * (cpu + 1) * (0.7 + 0.6 * r.unit()));
        Map<String, Object> disk = new LinkedHashMap<>();
        disk.put("/", 91_000_000_000L - (minute % 977) * 1_000_000L);
        disk.put("/local_disk0", 812_000_000_000L - (long) (cpu * 1_000_000_000L));
        ctx.emit(Row.of(SystemTable.NODE_TIMELINE)
                .set("account_id", ctx.accountId)
                .set("workspace_id", ws.id)
                .set("cluster_id", clusterId)
                .set("instance_id", instanceId)
                .set("start_time", Fmt.ts(ctx.at(minute)))
                .set("end_time", Fmt.ts(ctx.at(minute + 1)))
                .set("driver", driver)
                .set("cpu_user_percent", user)
                .set("cpu_system_percent", system)
                .set("cpu_wait_percent", Fmt.round2(busy ? r.between(0, 1.5) : r.between(0, 0.2)))
                .set("mem_used_percent", Fmt.round2(Math.min(99, mem)))
                .set("mem_swap_percent", 0.0)
                .set("network_sent_bytes", sent)
                .set("network_received_bytes", received)
                .set("disk_free_bytes_per_mount_point", disk)
                .set("node_type", nodeType));
    }
}
