package dev.lakesentry.core.analysis;

import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.WorkUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a data rule matches on. Every condition given must hold; a list matches when any of its values
 * does; text values may be globs ({@code *} any run, {@code ?} one character), compared without case.
 *
 * @param tags       custom tag key to value (or glob; {@code *} = the key is present)
 * @param workspaces workspace ids
 * @param principals owner, run-as or query issuer (exact or glob)
 * @param jobIds     job ids
 * @param warehouseIds warehouse ids
 * @param clusterIds cluster ids
 * @param endpointIds serving endpoint ids
 * @param skus       SKU names (globs allowed)
 * @param products   billing origin products
 */
public record RuleMatch(Map<String, String> tags, List<String> workspaces, List<String> principals, List<String> jobIds,
                        List<String> warehouseIds, List<String> clusterIds, List<String> endpointIds, List<String> skus,
                        List<String> products) {

    public RuleMatch {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        workspaces = copy(workspaces);
        principals = copy(principals);
        jobIds = copy(jobIds);
        warehouseIds = copy(warehouseIds);
        clusterIds = copy(clusterIds);
        endpointIds = copy(endpointIds);
        skus = copy(skus);
        products = copy(products);
    }

    private static List<String> copy(List<String> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    /** Whether nothing is required (such a rule would match everything). */
    public boolean isEmpty() {
        return tags.isEmpty() && workspaces.isEmpty() && principals.isEmpty() && jobIds.isEmpty()
                && warehouseIds.isEmpty() && clusterIds.isEmpty() && endpointIds.isEmpty() && skus.isEmpty()
                && products.isEmpty();
    }

    /** Whether the only conditions are on principals (identity metadata rather than a direct id or tag). */
    public boolean principalOnly() {
        return !principals.isEmpty() && tags.isEmpty() && workspaces.isEmpty() && jobIds.isEmpty()
                && warehouseIds.isEmpty() && clusterIds.isEmpty() && endpointIds.isEmpty() && skus.isEmpty()
                && products.isEmpty();
    }

    boolean matches(UsageLineItem item, Optional<WorkUnit> workUnit) {
        for (Map.Entry<String, String> t : tags.entrySet()) {
            String value = tag(item, workUnit, t.getKey());
            if (value == null || !glob(t.getValue(), value)) {
                return false;
            }
        }
        return any(workspaces, item.workspaceId())
                && (principals.isEmpty() || anyPrincipal(item, workUnit))
                && any(jobIds, item.jobId())
                && any(warehouseIds, item.warehouseId())
                && any(clusterIds, item.clusterId())
                && any(endpointIds, item.endpointId())
                && any(skus, item.skuName())
                && any(products, item.product());
    }

    /** A tag of the line item, or of its work unit when the item does not carry it. */
    static String tag(UsageLineItem item, Optional<WorkUnit> workUnit, String key) {
        String v = item.customTags().get(key);
        if (v == null && workUnit.isPresent()) {
            v = workUnit.get().tags().get(key);
        }
        return v;
    }

    private boolean anyPrincipal(UsageLineItem item, Optional<WorkUnit> workUnit) {
        for (String p : principals) {
            if ((item.runAs() != null && glob(p, item.runAs())) || (item.ownedBy() != null && glob(p, item.ownedBy()))
                    || (workUnit.isPresent() && workUnit.get().owner() != null && glob(p, workUnit.get().owner()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean any(List<String> patterns, String value) {
        if (patterns.isEmpty()) {
            return true;
        }
        if (value == null) {
            return false;
        }
        for (String p : patterns) {
            if (glob(p, value)) {
                return true;
            }
        }
        return false;
    }

    static boolean glob(String pattern, String value) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return pattern.equalsIgnoreCase(value);
        }
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE).matcher(value.toLowerCase(Locale.ROOT)).matches();
    }
}
