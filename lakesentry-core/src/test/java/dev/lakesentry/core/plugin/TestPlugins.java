package dev.lakesentry.core.plugin;

import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.spi.ActionExecutor;
import dev.lakesentry.api.spi.ActionExecutorProvider;
import dev.lakesentry.api.spi.AttributionContext;
import dev.lakesentry.api.spi.AttributionDecision;
import dev.lakesentry.api.spi.AttributionRule;
import dev.lakesentry.api.spi.AttributionRuleProvider;
import dev.lakesentry.api.spi.DetectionContext;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import dev.lakesentry.api.spi.ExecutionContext;
import dev.lakesentry.api.spi.ExecutionResult;
import dev.lakesentry.api.spi.ExecutionStatus;
import dev.lakesentry.api.spi.PluginConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small real plugins and providers the registry tests discover through an isolated class loader. */
public final class TestPlugins {
    private TestPlugins() {
    }

    /** A detector that finds nothing and remembers its settings. */
    public record SilentDetector(String id, PluginConfig config) implements Detector {
        @Override
        public List<Insight> detect(DetectionContext context) {
            return List.of();
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of("threshold", config.getString("threshold", "default"));
        }
    }

    /** A rule that never decides, with an order. */
    public record OrderedRule(String id, int order) implements AttributionRule {
        @Override
        public Optional<AttributionDecision> attribute(UsageLineItem item, AttributionContext context) {
            return Optional.empty();
        }
    }

    /** An executor that reports a dry run. */
    public record NoopExecutor(String id) implements ActionExecutor {
        @Override
        public ActionType actionType() {
            return ActionType.TERMINATE_CLUSTER;
        }

        @Override
        public ExecutionResult execute(ActionPlan plan, ExecutionContext context) {
            return new ExecutionResult(ExecutionStatus.DRY_RUN, List.of(), "nothing");
        }
    }

    public static class AlphaProvider implements DetectorProvider {
        @Override
        public String id() {
            return "lakesentry.alpha";
        }

        @Override
        public Detector create(PluginConfig config) {
            return new SilentDetector(id(), config);
        }
    }

    public static class BetaProvider implements DetectorProvider {
        @Override
        public String id() {
            return "lakesentry.beta";
        }

        @Override
        public Detector create(PluginConfig config) {
            return new SilentDetector(id(), config);
        }
    }

    /** Claims alpha's id from another class. */
    public static class AlphaImpostorProvider extends AlphaProvider {
    }

    public static class RuleAProvider implements AttributionRuleProvider {
        @Override
        public String id() {
            return "lakesentry.rule-a";
        }

        @Override
        public AttributionRule create(PluginConfig config) {
            return new OrderedRule(id(), 10);
        }
    }

    public static class RuleBProvider implements AttributionRuleProvider {
        @Override
        public String id() {
            return "lakesentry.rule-b";
        }

        @Override
        public AttributionRule create(PluginConfig config) {
            return new OrderedRule(id(), 10);
        }
    }

    public static class RuleCProvider implements AttributionRuleProvider {
        @Override
        public String id() {
            return "lakesentry.rule-c";
        }

        @Override
        public AttributionRule create(PluginConfig config) {
            return new OrderedRule(id(), 5);
        }
    }

    public static class ExecutorProvider implements ActionExecutorProvider {
        @Override
        public String id() {
            return "lakesentry.noop-exec";
        }

        @Override
        public ActionExecutor create(PluginConfig config) {
            return new NoopExecutor(id());
        }
    }

    public static class FailingProvider implements DetectorProvider {
        @Override
        public String id() {
            return "lakesentry.failing";
        }

        @Override
        public Detector create(PluginConfig config) {
            throw new IllegalStateException("cannot reach the model");
        }
    }

    public static class MismatchProvider implements DetectorProvider {
        @Override
        public String id() {
            return "lakesentry.mismatch";
        }

        @Override
        public Detector create(PluginConfig config) {
            return new SilentDetector("lakesentry.other", config);
        }
    }

    public static class BadIdProvider implements DetectorProvider {
        @Override
        public String id() {
            return "Not An Id";
        }

        @Override
        public Detector create(PluginConfig config) {
            return new SilentDetector(id(), config);
        }
    }

    /** Has no public no-argument constructor, so ServiceLoader cannot make it. */
    public static class NoDefaultConstructorProvider extends AlphaProvider {
        public NoDefaultConstructorProvider(String unused) {
        }
    }
}
