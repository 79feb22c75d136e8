package dev.lakesentry.testkit.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Faults per endpoint: a rule matches an HTTP method ({@code *} for any) and a path pattern ({@code *} within a
 * path segment, {@code **} across segments; the query string is not part of the path) and fires for the next N
 * matching calls or always. Rules are tried in the order they were added; the first that matches fires.
 * Thread-safe.
 *
 * <pre>{@code
 * emulator.faults().next("GET", "/api/2.1/clusters/get", Fault.tooManyRequests(0));
 * emulator.faults().times(2, "POST", "/api/2.0/sql/statements", Fault.serviceUnavailable().withRetryAfter(0));
 * emulator.faults().always("*", "/api/2.2/jobs/**", Fault.delay(Duration.ofSeconds(2)));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FaultInjector {

    private final List<Rule> rules = new ArrayList<>();

    FaultInjector() {
    }

    private static final class Rule {
        final String method;
        final Pattern path;
        final Fault fault;
        int remaining;

        Rule(String method, Pattern path, Fault fault, int remaining) {
            this.method = method;
            this.path = path;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    /** Fires the fault on the next matching call only. */
    public FaultInjector next(String method, String pathPattern, Fault fault) {
        return times(1, method, pathPattern, fault);
    }

    /** Fires the fault on the next {@code count} matching calls. */
    public synchronized FaultInjector times(int count, String method, String pathPattern, Fault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("A fault must fire at least once, was " + count);
        }
        rules.add(new Rule(method, PathPattern.compile(pathPattern), Objects.requireNonNull(fault), count));
        return this;
    }

    /** Fires the fault on every matching call until {@link #clear()}. */
    public synchronized FaultInjector always(String method, String pathPattern, Fault fault) {
        rules.add(new Rule(method, PathPattern.compile(pathPattern), Objects.requireNonNull(fault), -1));
        return this;
    }

    /** Removes every rule. */
    public synchronized void clear() {
        rules.clear();
    }

    /** How many rules are still armed. */
    public synchronized int armed() {
        return rules.size();
    }

    /** The fault for this call, consuming one firing of the first matching rule. */
    synchronized Optional<Fault> take(String method, String path) {
        Iterator<Rule> it = rules.iterator();
        while (it.hasNext()) {
            Rule rule = it.next();
            if (PathPattern.methodMatches(rule.method, method) && rule.path.matcher(path).matches()) {
                if (rule.remaining > 0 && --rule.remaining == 0) {
                    it.remove();
                }
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }
}
